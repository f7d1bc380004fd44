-- Every index of every user table: uniqueness, whether a constraint made it, validity (false after a failed
-- CREATE INDEX CONCURRENTLY), partial predicate, access method, size, and the scans since the statistics
-- were last reset (what pg_stat_user_indexes.idx_scan reports).
-- The size of one table's indexes is measured (pg_relation_size locks each index and asks the file
-- system); for the whole schema it is the catalog's page count as of the index's last VACUUM, ANALYZE or
-- CREATE INDEX, so that reading thousands of indexes takes no lock per index and stays fast.
-- $1: one schema or NULL for all; $2: one table or NULL for all.
SELECT n.nspname AS schema_name, c.relname AS table_name, ic.relname AS index_name,
       i.indisunique, i.indisprimary,
       EXISTS (SELECT 1 FROM pg_constraint k
               WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                 AND k.contype IN ('p', 'u', 'x')) AS made_by_constraint,
       i.indisvalid, pg_get_expr(i.indpred, i.indrelid) AS predicate, am.amname,
       CASE WHEN $2::text IS NULL THEN ic.relpages::bigint * current_setting('block_size')::bigint
            ELSE pg_relation_size(i.indexrelid) END AS size_bytes,
       pg_stat_get_numscans(i.indexrelid) AS idx_scan,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND ($1::text IS NULL OR n.nspname = $1::text) AND ($2::text IS NULL OR c.relname = $2::text)
ORDER BY n.nspname, c.relname, ic.relname
