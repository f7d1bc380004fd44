-- How SQLite would find the rows of an UPDATE's or DELETE's WHERE: "SEARCH ... USING INDEX" reads only
-- those, "SCAN" reads every row of the table (under the write lock). %1: the quoted table and its alias,
-- %2: the WHERE as written.
EXPLAIN QUERY PLAN SELECT 1 FROM %1 WHERE %2
