-- The table an index belongs to (DROP INDEX names only the index), quoted as SQL writes it. No row: no such
-- index.
-- $1: the index's name, quoted as SQL writes it.
SELECT i.indrelid::regclass::text AS table_name
FROM pg_index i
WHERE i.indexrelid = to_regclass($1::text)
