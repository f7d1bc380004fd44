-- Every foreign key of every user table, one row per column pair. SQLite numbers a table's foreign keys
-- from the last declared, so id DESC is the order of the CREATE TABLE. "to" is NULL when the parent's
-- primary key is meant.
-- ?1: the schema or NULL; ?2: one table or NULL for all.
SELECT s.name AS table_name, f.id, f.seq, f."table" AS parent_table, f."from" AS child_column,
       f."to" AS parent_column, f.on_update, f.on_delete
FROM sqlite_schema s
JOIN pragma_foreign_key_list(s.name) f
WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND s.sql NOT LIKE 'CREATE VIRTUAL%'
  AND (?1 IS NULL OR ?1 = 'main') AND (?2 IS NULL OR s.name = ?2)
ORDER BY s.name, f.id DESC, f.seq
