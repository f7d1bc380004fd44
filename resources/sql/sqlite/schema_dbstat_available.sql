-- 1 when this SQLite was compiled with the dbstat virtual table (page sizes per table and index), else 0.
SELECT count(*) FROM pragma_compile_options WHERE compile_options = 'ENABLE_DBSTAT_VTAB'
