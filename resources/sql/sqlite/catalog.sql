-- Everything the schema is made of, one row per object, in a stable order (for comparing two databases).
SELECT type, name, tbl_name, sql FROM sqlite_schema
WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY type, name
