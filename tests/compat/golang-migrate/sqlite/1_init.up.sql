CREATE TABLE lockouts (
    account    TEXT PRIMARY KEY,
    reason     TEXT NOT NULL,
    locked_at  TEXT NOT NULL DEFAULT (datetime('now')),
    expires_at TEXT
);

CREATE TABLE daily_pnl (
    account  TEXT NOT NULL,
    day      TEXT NOT NULL,
    realized REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (account, day)
) WITHOUT ROWID;
