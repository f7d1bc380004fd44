-- The parts of every index in order: key columns or expressions (indkey 0) with ASC/DESC (indoption bit 1)
-- and a collation other than that of the column, then the INCLUDE columns (position >= indnkeyatts).
-- $1: one schema or NULL for all; $2: one table or NULL for all.
SELECT n.nspname AS schema_name, c.relname AS table_name, ic.relname AS index_name, k.position,
       a.attname,
       CASE WHEN i.indkey[k.position] = 0 THEN pg_get_indexdef(i.indexrelid, k.position + 1, true) END
           AS expression,
       k.position < i.indnkeyatts AND (i.indoption[k.position] & 1) = 1 AS descending,
       k.position >= i.indnkeyatts AS included,
       CASE WHEN k.position < i.indnkeyatts AND i.indcollation[k.position] NOT IN (0, 100)
                 AND i.indcollation[k.position] <> coalesce(a.attcollation, 0)
            THEN coll.collname END AS collation
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL generate_series(0, i.indnatts - 1) AS k(position)
LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.position]
LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[k.position]
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND ($1::text IS NULL OR n.nspname = $1::text) AND ($2::text IS NULL OR c.relname = $2::text)
ORDER BY n.nspname, c.relname, ic.relname, k.position
