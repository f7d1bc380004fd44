-- Views (and materialized views), triggers, sequences and enum types of the schemas of the user, without those
-- of extensions or of identity columns. The labels of an enum come in order as a JSON array.
SELECT o.kind, o.schema_name, o.name, o.table_name, o.definition, o.labels
FROM (
    SELECT 'view' AS kind, n.nspname AS schema_name, c.relname AS name, NULL::name AS table_name,
           format('CREATE %sVIEW %I.%I AS%s', CASE WHEN c.relkind = 'm' THEN 'MATERIALIZED ' ELSE '' END,
                  n.nspname, c.relname, E'\n' || pg_get_viewdef(c.oid)) AS definition,
           NULL::text AS labels
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('v', 'm')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger', n.nspname, t.tgname, c.relname, pg_get_triggerdef(t.oid), NULL
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal
    UNION ALL
    SELECT 'sequence', n.nspname, c.relname, NULL,
           format('CREATE SEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s%s',
                  n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax,
                  s.seqstart, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END),
           NULL
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
    UNION ALL
    SELECT 'enum', n.nspname, t.typname, NULL,
           string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder),
           json_agg(e.enumlabel ORDER BY e.enumsortorder)::text
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
    GROUP BY t.oid, n.nspname, t.typname
) o
WHERE o.schema_name NOT IN ('pg_catalog', 'information_schema')
  AND o.schema_name NOT LIKE 'pg\_toast%' AND o.schema_name NOT LIKE 'pg\_temp\_%'
ORDER BY o.schema_name, o.name, o.kind
