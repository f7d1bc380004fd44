-- migrate:up
CREATE TABLE positions (
    desk_id INTEGER NOT NULL REFERENCES desks (id),
    symbol  TEXT NOT NULL,
    qty     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (desk_id, symbol)
);
INSERT INTO positions (desk_id, symbol, qty) VALUES (1, 'ZN', 10), (2, 'HYG', -400);

-- migrate:down
DROP TABLE positions;
