-- Migration: 002_v2_core
-- Description: Schema v2 core - add enforcement_log.execution_time_ms (DB-SCHEMA-003)
-- Created: 2026-11-21
-- strata:phase core
-- strata:dialect sqlite
--
-- Phase 1 of the v1 -> v2 runbook (DB-SCHEMA-006). The runbook's schema_version table and its
-- idx_schema_version_applied index (DB-SCHEMA-001) are not created here: Strata creates and owns
-- them, with exactly the runbook's definitions, when it starts tracking the database, and it writes
-- the version 1 (baseline) and version 2 rows itself. Do not create or edit schema_version by hand.
--
-- execution_time_ms is how long an enforcement action took, in milliseconds. Rows logged before v2
-- keep NULL.

ALTER TABLE enforcement_log ADD COLUMN execution_time_ms INTEGER;
