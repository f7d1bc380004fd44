-- Migration: 002_v2_indexes
-- Description: Schema v2 analytics indexes (DB-SCHEMA-005)
-- Created: 2026-12-06
-- strata:phase indexes

CREATE INDEX IF NOT EXISTS idx_enforcement_log_success ON enforcement_log(success, timestamp DESC);
CREATE INDEX IF NOT EXISTS idx_positions_updated ON positions(updated_at DESC);
CREATE INDEX IF NOT EXISTS idx_orders_state_account ON orders(state, account_id);
