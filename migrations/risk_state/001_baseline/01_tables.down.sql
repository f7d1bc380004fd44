-- Migration: 001_baseline_tables
-- Description: Roll back schema v1 - drop the 13 indexes and the 9 tables (all data in them is lost)
-- Created: 2026-11-21
-- strata:phase core
-- strata:dialect sqlite

-- Reverse order of creation: each table's indexes, then the table.
DROP TABLE reset_schedule;

DROP INDEX idx_enforcement_timestamp;
DROP INDEX idx_enforcement_rule;
DROP INDEX idx_enforcement_account;
DROP TABLE enforcement_log;

DROP INDEX idx_orders_state;
DROP INDEX idx_orders_contract;
DROP INDEX idx_orders_account;
DROP TABLE orders;

DROP INDEX idx_positions_contract;
DROP INDEX idx_positions_account;
DROP TABLE positions;

DROP TABLE session_state;

DROP INDEX idx_trade_history_timestamp;
DROP INDEX idx_trade_history_account_time;
DROP TABLE trade_history;

DROP INDEX idx_contract_cache_symbol;
DROP TABLE contract_cache;

DROP INDEX idx_daily_pnl_date;
DROP TABLE daily_pnl;

DROP INDEX idx_lockouts_until;
DROP TABLE lockouts;
