-- Strata's history of repeatable scripts (Flyway's R__ files) on SQLite. They have no version, so they do not
-- fit schema_version_steps (one row per version and step): one row per script, keyed by its description
-- (Flyway's key for a repeatable), holding the checksum of its last successful run.
CREATE TABLE IF NOT EXISTS schema_version_repeatables (
    description TEXT PRIMARY KEY,
    script TEXT NOT NULL,
    checksum TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('started', 'applied', 'failed')),
    transactional INTEGER NOT NULL DEFAULT 1,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    execution_time_ms INTEGER,
    applied_by TEXT NOT NULL,
    host TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    runs INTEGER NOT NULL DEFAULT 0,
    error_message TEXT
);
