-- Each table's first page (rootpage): a step that rebuilds a table (create the new table, copy, drop the
-- old one, rename) leaves the table's name on another root page. Read before and after each rehearsed step.
SELECT name, CAST(rootpage AS TEXT) FROM sqlite_schema
WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'schema\_version%' ESCAPE '\'
