-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX run_returns_day ON run_returns (day);
VACUUM;

-- +goose Down
DROP INDEX run_returns_day;
