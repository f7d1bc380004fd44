-- Every foreign key of every user table, one row per column pair in key order, with its actions
-- (a: NO ACTION, r: RESTRICT, c: CASCADE, n: SET NULL, d: SET DEFAULT).
-- $1: one schema or NULL for all; $2: one table or NULL for all.
SELECT n.nspname AS schema_name, c.relname AS table_name, k.conname, u.ord, a.attname,
       rn.nspname AS parent_schema, rc.relname AS parent_table, ra.attname AS parent_column,
       k.confupdtype, k.confdeltype
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_class rc ON rc.oid = k.confrelid
JOIN pg_namespace rn ON rn.oid = rc.relnamespace
CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(attnum, parent_attnum, ord)
JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.parent_attnum
WHERE k.contype = 'f' AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND ($1::text IS NULL OR n.nspname = $1::text) AND ($2::text IS NULL OR c.relname = $2::text)
ORDER BY n.nspname, c.relname, k.conname, u.ord
