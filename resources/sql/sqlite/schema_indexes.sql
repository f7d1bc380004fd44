-- Every index of every user table, with its CREATE INDEX (NULL for the automatic indexes of PRIMARY KEY
-- and UNIQUE constraints). origin: 'c' CREATE INDEX, 'u' UNIQUE constraint, 'pk' PRIMARY KEY.
-- ?1: the schema or NULL; ?2: one table or NULL for all.
SELECT s.name AS table_name, il.name AS index_name, il."unique" AS is_unique, il.origin, il.partial,
       i.sql
FROM sqlite_schema s
JOIN pragma_index_list(s.name) il
LEFT JOIN sqlite_schema i ON i.type = 'index' AND i.name = il.name
WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND s.sql NOT LIKE 'CREATE VIRTUAL%'
  AND (?1 IS NULL OR ?1 = 'main') AND (?2 IS NULL OR s.name = ?2)
ORDER BY s.name, il.name
