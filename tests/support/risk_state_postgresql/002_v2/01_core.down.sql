-- Migration: 002_v2_core
-- Description: Roll back schema v2 core - drop enforcement_log.execution_time_ms (its values are lost)
-- strata:phase core

ALTER TABLE enforcement_log DROP COLUMN execution_time_ms;
