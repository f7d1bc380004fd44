-- The names of every index.
SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name
