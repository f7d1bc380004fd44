-- +goose Up
CREATE VIEW live_strategies AS
    SELECT s.id, s.name, max(v.version) AS latest_version
    FROM strategies s JOIN strategy_versions v ON v.strategy_id = s.id
    WHERE s.state = 'live'
    GROUP BY s.id, s.name;

-- +goose StatementBegin
CREATE FUNCTION latest_params(p_strategy bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $fn$
    SELECT params FROM strategy_versions
    WHERE strategy_id = p_strategy
    ORDER BY version DESC
    LIMIT 1;
$fn$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION latest_params(bigint);
DROP VIEW live_strategies;
