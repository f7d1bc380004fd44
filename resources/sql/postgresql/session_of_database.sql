-- One session of this database by pid, to name it before it is cancelled or ended: application_name,
-- user, state, query. Sessions of other databases of the server are not this run's business.
SELECT pid, coalesce(application_name, ''), coalesce(usename, ''), coalesce(state, ''),
       coalesce(left(query, 300), '')
FROM pg_stat_activity
WHERE pid = $1::int AND datname = current_database() AND pid <> pg_backend_pid()
