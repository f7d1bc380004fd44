-- Views and triggers of the user's schema, with their stored CREATE statement.
SELECT s.type AS kind, 'main' AS schema_name, s.name, s.tbl_name AS table_name, s.sql
FROM sqlite_schema s
WHERE s.type IN ('view', 'trigger') AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY s.name, s.type
