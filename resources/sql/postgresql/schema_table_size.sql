-- Bytes of one table: total (with TOAST and indexes), table (with TOAST) and indexes. A partitioned table
-- holds no rows itself, so its leaf partitions are summed (pg_partition_tree lists nothing for a plain
-- table). `relations` is 0 when there is no such table.
-- $1: the schema; $2: the table.
SELECT coalesce(sum(pg_total_relation_size(r.oid)), 0) AS total_bytes,
       coalesce(sum(pg_table_size(r.oid)), 0) AS table_bytes,
       coalesce(sum(pg_indexes_size(r.oid)), 0) AS index_bytes, count(DISTINCT c.oid) AS relations
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
    SELECT c.oid WHERE c.relkind IN ('r', 'm')
    UNION ALL
    SELECT p.relid FROM pg_partition_tree(c.oid) p WHERE c.relkind = 'p' AND p.isleaf
) r(oid) ON true
WHERE n.nspname = $1::text AND c.relname = $2::text AND c.relkind IN ('r', 'p', 'm')
