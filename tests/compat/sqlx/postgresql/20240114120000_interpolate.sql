CREATE FUNCTION interpolate_rate(p_curve uuid, p_tenor integer) RETURNS double precision
LANGUAGE sql STABLE AS $$
    WITH lo AS (SELECT tenor_days, rate FROM curve_points
                WHERE curve_id = p_curve AND tenor_days <= p_tenor ORDER BY tenor_days DESC LIMIT 1),
         hi AS (SELECT tenor_days, rate FROM curve_points
                WHERE curve_id = p_curve AND tenor_days >= p_tenor ORDER BY tenor_days LIMIT 1)
    SELECT CASE WHEN hi.tenor_days = lo.tenor_days THEN lo.rate
                ELSE lo.rate + (hi.rate - lo.rate) * (p_tenor - lo.tenor_days) / (hi.tenor_days - lo.tenor_days)
           END
    FROM lo, hi
$$;
