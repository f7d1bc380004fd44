-- Everything the current schema is made of, one row per object, in a stable order (for comparing two databases).
SELECT kind, name, detail FROM (
    SELECT 'column' AS kind, c.table_name || '.' || c.column_name AS name,
           c.data_type || ' ' || coalesce(c.udt_name, '') || ' null=' || c.is_nullable
           || coalesce(' default ' || c.column_default, '') AS detail
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema()
    UNION ALL
    SELECT 'index', i.indexname, i.indexdef
    FROM pg_indexes i WHERE i.schemaname = current_schema()
    UNION ALL
    SELECT 'constraint', k.conrelid::regclass::text || '.' || k.conname, pg_get_constraintdef(k.oid)
    FROM pg_constraint k WHERE k.connamespace = current_schema()::regnamespace
    UNION ALL
    SELECT 'type', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname
    UNION ALL
    SELECT 'sequence', s.sequence_name, s.data_type
    FROM information_schema.sequences s WHERE s.sequence_schema = current_schema()
) catalog
ORDER BY kind, name, detail
