-- One table's health for the Health tab: the statistics collector's tuple counts, the last (auto)vacuum
-- and (auto)analyze (as UTC text and seconds ago), scans, and what the bloat estimate needs: pages, the
-- planner's row count, the block size, the fillfactor, and from pg_stats the average width of a row
-- (each column's average width, weighted by how often it is not NULL) and how many columns have stats.
-- $1: the schema; $2: the table. No row: no such table. The last column is the relkind ('p': a partitioned
-- table, which holds no rows of its own).
WITH t AS (
    SELECT c.oid, c.relkind, c.relpages, c.reltuples, current_setting('block_size')::int AS block_size,
           coalesce((SELECT split_part(o, '=', 2)::int FROM unnest(c.reloptions) o
                     WHERE o LIKE 'fillfactor=%'), 100) AS fillfactor,
           (SELECT count(*) FROM pg_attribute a
            WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1::text AND c.relname = $2::text AND c.relkind IN ('r', 'm', 'p')
), w AS (
    SELECT sum((1 - s.null_frac) * s.avg_width) AS width, count(*) AS stats_columns
    FROM pg_stats s
    WHERE s.schemaname = $1::text AND s.tablename = $2::text AND NOT s.inherited
)
SELECT coalesce(st.n_live_tup, 0), coalesce(st.n_dead_tup, 0), coalesce(st.n_mod_since_analyze, 0),
       coalesce(to_char(st.last_vacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
       coalesce(to_char(st.last_autovacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
       coalesce(to_char(st.last_analyze AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
       coalesce(to_char(st.last_autoanalyze AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
       coalesce(st.seq_scan, 0), coalesce(st.seq_tup_read, 0), coalesce(st.idx_scan, 0),
       coalesce(st.idx_tup_fetch, 0), t.relpages, t.reltuples::bigint, t.block_size, t.fillfactor,
       coalesce(w.width, 0)::float8, w.stats_columns, t.columns, pg_relation_size(t.oid),
       (SELECT count(*) FROM pg_index i WHERE i.indrelid = t.oid), t.relkind::text
FROM t CROSS JOIN w LEFT JOIN pg_stat_user_tables st ON st.relid = t.oid
