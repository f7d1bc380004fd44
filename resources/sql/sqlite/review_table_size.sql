-- Whether a table exists, for the review (the rows are counted separately: SQLite keeps no estimate).
-- ?1: the table.
SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?1
