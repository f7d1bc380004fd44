-- The session's lock_timeout in milliseconds when something other than the server's default set it: the
-- role (ALTER ROLE ... SET), the database (ALTER DATABASE ... SET) or the client (options=-c lock_timeout=).
SELECT setting::bigint FROM pg_settings WHERE name = 'lock_timeout' AND source <> 'default'
