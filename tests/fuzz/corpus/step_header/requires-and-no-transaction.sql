-- Migration: 003_v3_orders
-- Description: Orders by account and state, built without locking the table
-- Created: 2026-12-01
-- strata:phase indexes
-- strata:no-transaction
-- strata:requires 2.1, 2.2 3
-- strata:dialect postgresql
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_state_account ON orders (state, account_id);
