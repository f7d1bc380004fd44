DROP VIEW IF EXISTS order_fill_totals;
