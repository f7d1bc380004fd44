-- Migration: 002_v2_core
-- Description: Schema v2 core - add enforcement_log.execution_time_ms (DB-SCHEMA-003)
-- Created: 2026-12-06
-- strata:phase core

ALTER TABLE enforcement_log ADD COLUMN execution_time_ms INTEGER;
