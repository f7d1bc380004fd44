ALTER TABLE curves ADD COLUMN source text NOT NULL DEFAULT 'internal';
