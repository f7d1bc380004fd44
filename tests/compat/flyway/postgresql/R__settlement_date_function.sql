CREATE OR REPLACE FUNCTION settlement_date(p_exchange varchar, p_trade_day date, p_days integer)
RETURNS date
LANGUAGE plpgsql STABLE AS $$
DECLARE
    d date := p_trade_day;
    n integer := 0;
BEGIN
    WHILE n < p_days LOOP
        d := d + 1;
        IF EXISTS (SELECT 1 FROM open_days o WHERE o.exchange = p_exchange AND o.day = d) THEN
            n := n + 1;
        END IF;
    END LOOP;
    RETURN d;
END;
$$;
