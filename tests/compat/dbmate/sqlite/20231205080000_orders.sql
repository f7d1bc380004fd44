-- migrate:up
CREATE TABLE orders (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    desk_id  INTEGER NOT NULL REFERENCES desks (id),
    symbol   TEXT NOT NULL,
    qty      INTEGER NOT NULL,
    -- migrate:down   (indented: dbmate reads this as part of the statement)
    status   TEXT NOT NULL DEFAULT 'new'
);

CREATE TRIGGER orders_position AFTER INSERT ON orders
BEGIN
    INSERT INTO positions (desk_id, symbol, qty) VALUES (NEW.desk_id, NEW.symbol, NEW.qty)
        ON CONFLICT (desk_id, symbol) DO UPDATE SET qty = qty + excluded.qty;
END;

-- migrate:down
DROP TRIGGER orders_position;
DROP TABLE orders;
