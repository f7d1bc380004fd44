-- The names of every index in the current schema.
SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname
