-- Since when this database's usage counters (pg_stat_user_indexes.idx_scan and friends) count, as Unix
-- seconds: the time of their last reset (pg_stat_reset(); NULL when never reset), the server's start, the
-- time now; and whether this role may read the database folder's files (pg_stat_file), which gives the
-- database's creation time. PostgreSQL 15 keeps the counters across a clean restart and drops them after a
-- crash.
SELECT floor(extract(epoch FROM d.stats_reset))::bigint AS stats_reset,
       floor(extract(epoch FROM pg_postmaster_start_time()))::bigint AS server_started,
       floor(extract(epoch FROM now()))::bigint AS now, db.oid,
       has_function_privilege('pg_catalog.pg_stat_file(text, boolean)', 'EXECUTE') AS may_stat_files
FROM pg_database db
LEFT JOIN pg_stat_database d ON d.datid = db.oid
WHERE db.datname = current_database()
