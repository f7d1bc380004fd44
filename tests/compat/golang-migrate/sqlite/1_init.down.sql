DROP TABLE daily_pnl;
DROP TABLE lockouts;
