-- The database file's size as SQLite sees it (page_count x page_size), whether foreign keys are enforced on
-- this connection, and the auto_vacuum mode (0 none, 1 full, 2 incremental).
SELECT p.page_count * s.page_size, f.foreign_keys, a.auto_vacuum
FROM pragma_page_count p, pragma_page_size s, pragma_foreign_keys f, pragma_auto_vacuum a
