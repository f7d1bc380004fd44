-- The scratch databases earlier rehearsals of one database left behind (a run that was killed): their names
-- are <database>_strata_rehearsal_<yyyyMMddHHmmss>.
SELECT datname FROM pg_catalog.pg_database
WHERE datname LIKE ? ESCAPE '\'
ORDER BY datname
