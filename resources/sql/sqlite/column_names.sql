-- The columns of one table ($1).
SELECT name FROM pragma_table_info(?) ORDER BY cid
