-- strata:phase core
/* nested /* comment */ with ; inside */
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    NEW.updated_at := now(); -- a ; in the body
    RETURN NEW;
END;
$body$;
INSERT INTO notes (text) VALUES (E'it''s a \';\' here'), ($$dollar ; quoted$$);
CREATE TRIGGER trg_touch BEFORE UPDATE ON positions FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
