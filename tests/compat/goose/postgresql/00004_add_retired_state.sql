-- +goose NO TRANSACTION
-- +goose Up
ALTER TYPE strategy_state ADD VALUE 'retired';

-- +goose Down
