-- Every column of every user table, in table order. hidden: 2 and 3 are generated columns (VIRTUAL, STORED).
-- Virtual tables are left out: reading their columns needs their module, which may not be loaded here.
-- ?1: the schema or NULL; ?2: one table or NULL for all.
SELECT s.name AS table_name, c.cid, c.name AS column_name, c.type, c."notnull" AS not_null,
       c.dflt_value, c.pk, c.hidden
FROM sqlite_schema s
JOIN pragma_table_xinfo(s.name) c
WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND s.sql NOT LIKE 'CREATE VIRTUAL%'
  AND (?1 IS NULL OR ?1 = 'main') AND (?2 IS NULL OR s.name = ?2)
ORDER BY s.name, c.cid
