-- Migration: 002_v2_unrealized_pnl
-- Description: Schema v2 optional daily_unrealized_pnl history table (DB-SCHEMA-002)
-- Created: 2026-11-21
-- strata:phase optional
-- strata:option track_unrealized_pnl
-- strata:dialect sqlite
--
-- Phase 3 of the v1 -> v2 runbook (DB-SCHEMA-006). Runs only when the track_unrealized_pnl option is
-- enabled. RULE-004 (daily unrealized loss) works without this table: it only keeps history.

-- 1. Create daily_unrealized_pnl table (optional)
CREATE TABLE IF NOT EXISTS daily_unrealized_pnl (
    account_id INTEGER NOT NULL,
    timestamp TEXT NOT NULL,  -- YYYY-MM-DD
    unrealized_pnl REAL NOT NULL,
    positions_count INTEGER NOT NULL,
    total_exposure REAL,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (account_id, timestamp)
);

-- 2. Create indexes
CREATE INDEX IF NOT EXISTS idx_daily_unrealized_pnl_date
ON daily_unrealized_pnl(timestamp DESC);

CREATE INDEX IF NOT EXISTS idx_daily_unrealized_pnl_account_date
ON daily_unrealized_pnl(account_id, timestamp DESC);
