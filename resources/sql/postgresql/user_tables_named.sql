-- The tables of the user in the current schema (as user_tables.sql lists them) whose names are in the JSON array
-- of the first parameter: the few tables a history read needs, without listing a schema of thousands of
-- tables, which took most of what `status` spent on the server.
SELECT c.relname
FROM pg_catalog.pg_class c
WHERE c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = current_schema())
  AND c.relkind IN ('r', 'p')
  -- An array, not IN (subquery): the names are then looked up in the index on pg_class, and the privilege
  -- functions run on the few tables found rather than on every one (3 ms against 1.5 ms in a new session).
  AND c.relname = ANY (CAST(ARRAY(SELECT json_array_elements_text(CAST(? AS json))) AS name[]))
  AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
       OR pg_catalog.has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
       OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))
ORDER BY c.relname
