CREATE VIEW order_fill_totals AS
SELECT o.id AS order_id, o.symbol, coalesce(sum(f.qty), 0) AS filled_qty
FROM orders o
LEFT JOIN fills f ON f.order_id = o.id
GROUP BY o.id, o.symbol;
