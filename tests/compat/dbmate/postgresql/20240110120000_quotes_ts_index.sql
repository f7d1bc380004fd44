-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY quotes_ts_idx ON quotes (ts DESC);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY quotes_ts_idx;
