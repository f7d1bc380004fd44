-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY strategy_versions_params_idx ON strategy_versions USING gin (params);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS strategy_versions_params_idx;
