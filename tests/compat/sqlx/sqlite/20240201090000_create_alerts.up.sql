CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    rule       TEXT NOT NULL,
    severity   INTEGER NOT NULL DEFAULT 1 CHECK (severity BETWEEN 1 AND 5),
    raised_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    acked_at   TEXT
);
