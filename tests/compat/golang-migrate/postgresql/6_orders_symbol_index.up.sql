CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_symbol_idx ON orders (symbol);
