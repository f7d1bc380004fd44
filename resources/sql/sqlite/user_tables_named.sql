-- The tables of the user (as user_tables.sql lists them) whose names are in the JSON array of the first
-- parameter, compared as SQLite compares names: without regard to case. Each is returned as it was created.
SELECT name FROM sqlite_schema
WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND name COLLATE NOCASE IN (SELECT value FROM json_each(?))
ORDER BY name
