-- Migration: 002_v2_unrealized_pnl
-- Description: Roll back the optional daily_unrealized_pnl table (its snapshots are lost)
-- Created: 2026-11-21
-- strata:phase optional
-- strata:option track_unrealized_pnl
-- strata:dialect sqlite

DROP INDEX IF EXISTS idx_daily_unrealized_pnl_account_date;
DROP INDEX IF EXISTS idx_daily_unrealized_pnl_date;
DROP TABLE IF EXISTS daily_unrealized_pnl;
