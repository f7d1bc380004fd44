CREATE INDEX CONCURRENTLY holidays_day_idx ON holidays (day);
