ALTER TABLE daily_pnl DROP COLUMN unrealized;
