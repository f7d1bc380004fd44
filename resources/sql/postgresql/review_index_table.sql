-- The table an index belongs to (DROP INDEX names only the index): its schema and name. No row: no such
-- index.
-- $1: the index's name, quoted as SQL writes it.
SELECT n.nspname, c.relname
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE i.indexrelid = to_regclass($1::text)
