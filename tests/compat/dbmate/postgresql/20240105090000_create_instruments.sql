-- migrate:up
CREATE TYPE asset_class AS ENUM ('equity', 'future', 'option');

CREATE TABLE instruments (
    id          serial PRIMARY KEY,
    symbol      varchar(32) NOT NULL,
    asset_class asset_class NOT NULL,
    tick_size   numeric(12, 6) NOT NULL DEFAULT 0.01,
    listed_on   date,
    CONSTRAINT instruments_symbol_key UNIQUE (symbol)
);

-- migrate:down
DROP TABLE instruments;
DROP TYPE asset_class;
