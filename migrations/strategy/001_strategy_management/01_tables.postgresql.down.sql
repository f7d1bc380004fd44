-- Migration: 001_strategy_management_tables
-- Description: Roll back the strategy management tables and the strategystatus type (all strategy data in them is lost)
-- Created: 2026-11-21
-- strata:phase core
-- strata:dialect postgresql

-- Children first, then the registry they reference, then the enum type the registry used. Dropping a
-- table also drops its constraints, their indexes and its identity sequence.
DROP TABLE strategy_lineage;
DROP TABLE strategy_performance;
DROP TABLE strategy_versions;
DROP TABLE strategy_registry;
DROP TYPE strategystatus;
