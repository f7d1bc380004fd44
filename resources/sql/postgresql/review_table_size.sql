-- The size of one table as the review reports it: the planner's row estimate (reltuples, -1 when the table
-- was never vacuumed or analyzed), whether any part was ever analyzed, and the bytes with indexes and TOAST.
-- A partitioned table holds no rows itself: its leaf partitions are summed. No row: there is no such table
-- (to_regclass looks in the search path when the name has no schema).
-- $1: the table's name, quoted as SQL writes it ("public"."orders").
WITH t AS (SELECT to_regclass($1::text) AS oid)
SELECT t.oid::text AS name, coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint AS estimated_rows,
       bool_or(c.reltuples >= 0) AS analyzed, coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
FROM t
JOIN pg_class p ON p.oid = t.oid AND p.relkind IN ('r', 'p', 'm')
LEFT JOIN LATERAL (
    SELECT p.oid WHERE p.relkind IN ('r', 'm')
    UNION ALL
    SELECT pt.relid FROM pg_partition_tree(p.oid) pt WHERE p.relkind = 'p' AND pt.isleaf
) r(oid) ON true
LEFT JOIN pg_class c ON c.oid = r.oid
GROUP BY t.oid
