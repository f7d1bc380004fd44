-- When this database was created, as Unix seconds: the time its folder's PG_VERSION file was written by
-- CREATE DATABASE. Run only when the role may call pg_stat_file (usage_statistics.sql says so).
-- $1: the database's oid.
SELECT floor(extract(epoch FROM (pg_stat_file('base/' || $1::text || '/PG_VERSION', true)).modification))::bigint
