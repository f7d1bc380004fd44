-- Row estimates that ANALYZE left in sqlite_stat1: the first number of each stat is the row count of the
-- table (idx NULL) or of one of its indexes, and every index has one entry per row.
-- Run only when sqlite_stat1 exists. ?1: the schema or NULL; ?2: one table or NULL for all.
SELECT st.tbl AS table_name, max(CAST(st.stat AS INTEGER)) AS estimated_rows
FROM sqlite_stat1 st
WHERE (?1 IS NULL OR ?1 = 'main') AND (?2 IS NULL OR st.tbl = ?2)
GROUP BY st.tbl
ORDER BY st.tbl
