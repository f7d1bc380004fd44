-- The rows an UPDATE's or DELETE's WHERE matches on the live table, counted up to a bound (read only: the
-- review never changes the database). %1: the quoted table and its alias, %2: the WHERE as written;
-- ?1: the bound plus one.
SELECT count(*) FROM (SELECT 1 FROM %1 WHERE %2 LIMIT ?1)
