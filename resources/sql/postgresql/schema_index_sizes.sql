-- The bytes on disk of each index of one table, measured (pg_relation_size asks the file system; it takes
-- a brief lock on each index, so it is asked for one table at a time, never for a whole schema).
-- $1: the schema; $2: the table.
SELECT ic.relname AS index_name, pg_relation_size(i.indexrelid) AS size_bytes
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1::text AND c.relname = $2::text
ORDER BY ic.relname
