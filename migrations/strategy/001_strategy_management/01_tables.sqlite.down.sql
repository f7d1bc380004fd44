-- Migration: 001_strategy_management_tables
-- Description: Roll back the strategy management tables (all strategy data in them is lost)
-- Created: 2026-11-21
-- strata:phase core
-- strata:dialect sqlite

-- Children first, then the registry they reference. Dropping a table also drops its unique
-- constraints and their automatic indexes.
DROP TABLE strategy_lineage;
DROP TABLE strategy_performance;
DROP TABLE strategy_versions;
DROP TABLE strategy_registry;
