-- Migration: 002_v2_indexes
-- Description: Roll back schema v2 analytics indexes
-- strata:phase indexes

DROP INDEX IF EXISTS idx_orders_state_account;
DROP INDEX IF EXISTS idx_positions_updated;
DROP INDEX IF EXISTS idx_enforcement_log_success;
