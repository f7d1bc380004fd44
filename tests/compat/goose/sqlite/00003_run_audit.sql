-- +goose Up
CREATE TABLE run_audit (
    run_id INTEGER NOT NULL,
    event  TEXT NOT NULL,
    at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- +goose StatementBegin
CREATE TRIGGER runs_finished AFTER UPDATE OF finished_at ON runs
WHEN NEW.finished_at IS NOT NULL
BEGIN
    INSERT INTO run_audit (run_id, event) VALUES (NEW.id, 'finished');
    UPDATE runs SET strategy = trim(strategy) WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER runs_finished;
DROP TABLE run_audit;
