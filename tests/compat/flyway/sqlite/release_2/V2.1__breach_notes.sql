-- Scripts of the 2.x releases live in their own folder; Flyway scans it with the rest.
ALTER TABLE limit_breaches ADD COLUMN note TEXT;
