-- migrate:up
CREATE TABLE quotes (
    instrument_id integer NOT NULL REFERENCES instruments (id),
    ts            timestamptz NOT NULL,
    bid           numeric(18, 6),
    ask           numeric(18, 6),
    -- migrate:down is not a marker here: it is indented, inside the statement.
    PRIMARY KEY (instrument_id, ts)
);

CREATE FUNCTION quote_mid(q quotes) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT (q.bid + q.ask) / 2
$$;

-- migrate:down
DROP FUNCTION quote_mid(quotes);
DROP TABLE quotes;
