-- Migration: 002_v2_indexes
-- Description: Schema v2 analytics indexes (DB-SCHEMA-005)
-- Created: 2026-11-21
-- strata:phase indexes
-- strata:dialect sqlite
--
-- Phase 2 of the v1 -> v2 runbook (DB-SCHEMA-006). IF NOT EXISTS keeps the step safe on a database
-- where the runbook's own index script was already run by hand.

-- Failure analysis: failed enforcement actions, most recent first.
CREATE INDEX IF NOT EXISTS idx_enforcement_log_success
ON enforcement_log(success, timestamp DESC);

-- Recently updated positions.
CREATE INDEX IF NOT EXISTS idx_positions_updated
ON positions(updated_at DESC);

-- An account's orders in a given state.
CREATE INDEX IF NOT EXISTS idx_orders_state_account
ON orders(state, account_id);
