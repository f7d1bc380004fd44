-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $$
BEGIN
    -- keep the audit column current; a semicolon inside the body; must not split the block
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER strategies_touch BEFORE UPDATE ON strategies
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- +goose Down
DROP TRIGGER strategies_touch ON strategies;
-- +goose StatementBegin
DROP FUNCTION touch_updated_at();
-- +goose StatementEnd
