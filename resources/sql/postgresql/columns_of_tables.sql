-- The columns of each table named in the JSON array of the first parameter, as (name as given, column): a
-- name is a table of the current schema, or schema.table. Tables that do not exist give no row. From
-- pg_catalog rather than information_schema.columns, which costs milliseconds on a schema of thousands.
WITH wanted AS (
    SELECT w.name,
           CASE WHEN strpos(w.name, '.') > 0 THEN split_part(w.name, '.', 1) ELSE current_schema() END AS nsp,
           CASE WHEN strpos(w.name, '.') > 0 THEN substr(w.name, strpos(w.name, '.') + 1) ELSE w.name END AS rel
    FROM json_array_elements_text(CAST(? AS json)) AS w(name)
)
SELECT wanted.name, a.attname
FROM wanted
JOIN pg_catalog.pg_namespace n ON n.nspname = wanted.nsp
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = wanted.rel AND c.relkind IN ('r', 'p')
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY wanted.name, a.attnum
