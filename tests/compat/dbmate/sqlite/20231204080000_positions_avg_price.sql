-- migrate:up transaction:false
PRAGMA foreign_keys = OFF;

BEGIN;
CREATE TABLE positions_new (
    desk_id   INTEGER NOT NULL REFERENCES desks (id),
    symbol    TEXT NOT NULL,
    qty       INTEGER NOT NULL DEFAULT 0,
    avg_price REAL,
    PRIMARY KEY (desk_id, symbol)
);
INSERT INTO positions_new (desk_id, symbol, qty) SELECT desk_id, symbol, qty FROM positions;
DROP TABLE positions;
ALTER TABLE positions_new RENAME TO positions;
CREATE INDEX positions_symbol ON positions (symbol);
COMMIT;

PRAGMA foreign_keys = ON;

-- migrate:down transaction:false
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE positions_old (
    desk_id INTEGER NOT NULL REFERENCES desks (id),
    symbol  TEXT NOT NULL,
    qty     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (desk_id, symbol)
);
INSERT INTO positions_old (desk_id, symbol, qty) SELECT desk_id, symbol, qty FROM positions;
DROP TABLE positions;
ALTER TABLE positions_old RENAME TO positions;
COMMIT;
PRAGMA foreign_keys = ON;
