-- no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS curve_points_rate_idx ON curve_points (curve_id, rate);
