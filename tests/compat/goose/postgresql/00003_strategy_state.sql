-- +goose Up
CREATE TYPE strategy_state AS ENUM ('draft', 'paper', 'live');
ALTER TABLE strategies ADD COLUMN state strategy_state NOT NULL DEFAULT 'draft';

-- +goose Down
ALTER TABLE strategies DROP COLUMN state;
DROP TYPE strategy_state;
