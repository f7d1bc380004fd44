-- migrate:up
ALTER TABLE instruments ADD COLUMN notes text;
COMMENT ON COLUMN instruments.notes IS 'free text from the listing desk';

-- migrate:down
