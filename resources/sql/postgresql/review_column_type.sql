-- The current type of one column, for the review of ALTER COLUMN TYPE: the type's name (varchar, text,
-- int4, ...), its modifier (varchar(n): n + 4; -1: none) and the type as SQL writes it. No row: no such
-- column.
-- $1: the table's name, quoted as SQL writes it; $2: the column.
SELECT t.typname, a.atttypmod, format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
WHERE a.attrelid = to_regclass($1::text) AND a.attname = $2::text AND a.attnum > 0 AND NOT a.attisdropped
