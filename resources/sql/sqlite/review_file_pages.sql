-- The database file's size as SQLite sees it (page_count x page_size), and whether foreign keys are enforced
-- on this connection.
SELECT p.page_count * s.page_size, f.foreign_keys
FROM pragma_page_count p, pragma_page_size s, pragma_foreign_keys f
