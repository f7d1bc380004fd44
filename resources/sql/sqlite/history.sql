-- Strata's history tables on SQLite.
-- schema_version is the contract of DB-SCHEMA-001, exactly as DB-SCHEMA-006 creates it: one row per version.
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL,
    description TEXT NOT NULL,
    migration_script TEXT,
    rollback_script TEXT,
    execution_time_ms INTEGER,
    success BOOLEAN NOT NULL DEFAULT 1,
    error_message TEXT
);
CREATE INDEX IF NOT EXISTS idx_schema_version_applied
ON schema_version(applied_at DESC);
-- One row per step: what ran, from which file (and its SHA-256), in which phase, for how long, by whom.
CREATE TABLE IF NOT EXISTS schema_version_steps (
    version INTEGER NOT NULL,
    step INTEGER NOT NULL,
    name TEXT NOT NULL,
    phase TEXT NOT NULL,
    script TEXT NOT NULL,
    checksum TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('started', 'applied', 'baseline', 'failed', 'rolled_back')),
    transactional INTEGER NOT NULL DEFAULT 1,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    execution_time_ms INTEGER,
    applied_by TEXT NOT NULL,
    host TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    error_message TEXT,
    PRIMARY KEY (version, step)
);
-- The text of every script applied or recorded as baseline, by its SHA-256 (the checksum of its step rows):
-- what lets Strata show how a changed file differs from what ran. Databases tracked before this table
-- existed have no text for their older steps.
CREATE TABLE IF NOT EXISTS schema_version_scripts (
    checksum TEXT PRIMARY KEY,
    body TEXT NOT NULL
);
