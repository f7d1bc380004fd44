-- The user's tables (Strata's own history tables included; SQLite's sqlite_* tables are not the user's),
-- with the stored CREATE TABLE and whether ANALYZE has written sqlite_stat1.
-- ?1: the schema ("main") or NULL for all; ?2: one table or NULL for all.
SELECT 'main' AS schema_name, s.name AS table_name, s.sql,
       (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1') AS has_stats
FROM sqlite_schema s
WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND (?1 IS NULL OR ?1 = 'main') AND (?2 IS NULL OR s.name = ?2)
ORDER BY s.name
