-- Every index of every user table: uniqueness, whether a constraint made it, validity (false after a failed
-- CREATE INDEX CONCURRENTLY), partial predicate, access method, size, and idx_scan from
-- pg_stat_user_indexes (scans since the statistics were last reset).
-- $1: one schema or NULL for all; $2: one table or NULL for all.
SELECT n.nspname AS schema_name, c.relname AS table_name, ic.relname AS index_name,
       i.indisunique, i.indisprimary,
       EXISTS (SELECT 1 FROM pg_constraint k
               WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                 AND k.contype IN ('p', 'u', 'x')) AS made_by_constraint,
       i.indisvalid, pg_get_expr(i.indpred, i.indrelid) AS predicate, am.amname,
       pg_relation_size(i.indexrelid) AS size_bytes, s.idx_scan,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = i.indexrelid
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND ($1::text IS NULL OR n.nspname = $1::text) AND ($2::text IS NULL OR c.relname = $2::text)
ORDER BY n.nspname, c.relname, ic.relname
