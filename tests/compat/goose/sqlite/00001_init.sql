-- +goose Up
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    strategy    TEXT NOT NULL,
    started_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at TEXT
);
CREATE TABLE run_returns (
    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    day    TEXT NOT NULL,
    ret    REAL NOT NULL,
    PRIMARY KEY (run_id, day)
);

-- +goose Down
DROP TABLE run_returns;
DROP TABLE runs;
