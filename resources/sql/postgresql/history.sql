-- Strata's history tables on PostgreSQL.
-- schema_version keeps the columns of DB-SCHEMA-001. `success` is a 0/1 SMALLINT rather than BOOLEAN so that
-- the contract query `SELECT MAX(version) FROM schema_version WHERE success = 1` runs unchanged on both engines.
CREATE TABLE IF NOT EXISTS schema_version (
    version BIGINT PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL,
    description TEXT NOT NULL,
    migration_script TEXT,
    rollback_script TEXT,
    execution_time_ms INTEGER,
    success SMALLINT NOT NULL DEFAULT 1 CHECK (success IN (0, 1)),
    error_message TEXT
);
CREATE INDEX IF NOT EXISTS idx_schema_version_applied
ON schema_version(applied_at DESC);
CREATE TABLE IF NOT EXISTS schema_version_steps (
    version BIGINT NOT NULL,
    step INTEGER NOT NULL,
    name TEXT NOT NULL,
    phase TEXT NOT NULL,
    script TEXT NOT NULL,
    checksum TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('started', 'applied', 'baseline', 'failed', 'rolled_back')),
    transactional SMALLINT NOT NULL DEFAULT 1,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
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
