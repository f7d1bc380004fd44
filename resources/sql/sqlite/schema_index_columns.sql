-- The key parts of every index in key order. cid -2 is an expression (its text is in the CREATE INDEX),
-- cid -1 the rowid. Parts with key = 0 are what SQLite appends to find the row, not the operator's key.
-- ?1: the schema or NULL; ?2: one table or NULL for all.
SELECT s.name AS table_name, il.name AS index_name, x.seqno, x.cid, x.name AS column_name,
       x."desc" AS descending, x.coll
FROM sqlite_schema s
JOIN pragma_index_list(s.name) il
JOIN pragma_index_xinfo(il.name) x
WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND s.sql NOT LIKE 'CREATE VIRTUAL%'
  AND x."key" = 1
  AND (?1 IS NULL OR ?1 = 'main') AND (?2 IS NULL OR s.name = ?2)
ORDER BY s.name, il.name, x.seqno
