-- Bytes of one table and of each of its indexes, from dbstat (run only when it is compiled in). A WITHOUT
-- ROWID table's primary key index has no b-tree of its own: its sum is NULL.
-- ?1: the schema (unused: always "main"); ?2: the table.
SELECT b.name, b.is_index,
       (SELECT sum(d.pgsize) FROM dbstat d WHERE d.name = b.name AND d.aggregate = 1) AS bytes
FROM (SELECT ?2 AS name, 0 AS is_index
      UNION ALL
      SELECT il.name, 1 FROM pragma_index_list(?2) il) b
WHERE ?1 IS NULL OR ?1 = 'main'
