-- strata:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_state_account ON orders (state, account_id);
VACUUM (ANALYZE) orders;
