-- Migration: 002_v2_core
-- Description: Roll back schema v2 core - drop enforcement_log.execution_time_ms (its values are lost)
-- Created: 2026-11-21
-- strata:phase core
-- strata:dialect sqlite
--
-- Needs SQLite 3.35 or later (ALTER TABLE ... DROP COLUMN). schema_version belongs to Strata and is
-- not touched here.

ALTER TABLE enforcement_log DROP COLUMN execution_time_ms;
