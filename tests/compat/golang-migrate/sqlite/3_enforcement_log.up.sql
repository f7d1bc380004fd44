CREATE TABLE enforcement_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account    TEXT NOT NULL REFERENCES lockouts (account),
    rule       TEXT NOT NULL CHECK (rule IN ('max_loss', 'max_position', 'manual')),
    logged_at  TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX enforcement_log_account ON enforcement_log (account, logged_at);

CREATE TRIGGER enforcement_log_no_update BEFORE UPDATE ON enforcement_log
BEGIN
    SELECT RAISE(ABORT, 'enforcement_log is append-only');
END;
