-- Migration: 001_baseline_tables
-- Description: Remove the v1 tables
-- strata:phase core

DROP TABLE enforcement_log;
DROP TABLE orders;
DROP TABLE positions;
