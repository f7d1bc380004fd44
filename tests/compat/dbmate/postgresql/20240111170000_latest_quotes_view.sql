-- migrate:up
CREATE VIEW latest_quotes AS
SELECT DISTINCT ON (instrument_id) instrument_id, ts, bid, ask
FROM quotes
ORDER BY instrument_id, ts DESC;

CREATE OR REPLACE FUNCTION touch_listed_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.listed_on IS NULL THEN
        NEW.listed_on := current_date;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER instruments_listed_on BEFORE INSERT ON instruments
FOR EACH ROW EXECUTE FUNCTION touch_listed_on();

-- migrate:down
DROP TRIGGER instruments_listed_on ON instruments;
DROP FUNCTION touch_listed_on();
DROP VIEW latest_quotes;
