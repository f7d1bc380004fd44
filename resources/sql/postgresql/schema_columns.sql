-- Every column of every user table in table order: type as format_type prints it, the default or the
-- generation expression, identity, and the position in the primary key.
-- $1: one schema or NULL for all; $2: one table or NULL for all.
SELECT n.nspname AS schema_name, c.relname AS table_name, a.attnum, a.attname,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS default_value,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
       a.attidentity,
       coalesce(array_position(pk.conkey, a.attnum), 0) AS pk_position
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND ($1::text IS NULL OR n.nspname = $1::text) AND ($2::text IS NULL OR c.relname = $2::text)
ORDER BY n.nspname, c.relname, a.attnum
