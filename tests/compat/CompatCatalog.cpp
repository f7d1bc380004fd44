#include "CompatCatalog.h"

#include <algorithm>

#include <QSet>

namespace strata::test::compat {

namespace {

/// Every query returns rows whose first cell is the table (or object) the row belongs to, which decides
/// whether it is a history table's, and whose cells after it make the line.
struct CatalogQuery
{
    const char* label;
    const char* sql;
};

const CatalogQuery kSqlite[] = {
    {"object", "SELECT tbl_name, type, name, coalesce(sql, '') FROM sqlite_master "
               "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"},
    {"column", "SELECT m.name, m.name || '.' || c.name, c.type, CASE WHEN c.\"notnull\" THEN 'not null' ELSE "
               "'null' END, "
               "'default: ' || coalesce(c.dflt_value, '-'), 'pk ' || c.pk, 'hidden ' || c.hidden "
               "FROM sqlite_master m, pragma_table_xinfo(m.name) c WHERE m.type IN ('table', 'view') "
               "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"},
    {"index",
     "SELECT m.name, m.name || '.' || i.name, 'unique ' || i.\"unique\", 'origin ' || i.origin, "
     "'partial ' || i.partial FROM sqlite_master m, pragma_index_list(m.name) i WHERE m.type = 'table' "
     "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"},
    {"foreign key",
     "SELECT m.name, m.name || '#' || f.id || '.' || f.seq, f.\"from\", f.\"table\", coalesce(f.\"to\", ''), "
     "f.on_update, f.on_delete FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = "
     "'table'"},
};

const char* const kUserSchemas =
    "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
    "AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

QList<CatalogQuery> postgresQueries()
{
    static const QList<QByteArray> sql = {
        QByteArray(
            "SELECT c.relname, n.nspname || '.' || c.relname, c.relkind::text FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
            "AND ") +
            kUserSchemas,
        QByteArray(
            "SELECT c.relname, c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod), "
            "CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END, "
            "'default: ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-'), "
            "'identity ' || a.attidentity::text, 'generated ' || a.attgenerated::text, "
            "'comment: ' || coalesce(col_description(c.oid, a.attnum), '-') "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ") +
            kUserSchemas,
        QByteArray(
            "SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid), "
            "CASE WHEN x.indisvalid THEN 'valid' ELSE 'INVALID' END "
            "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE ") +
            kUserSchemas,
        QByteArray("SELECT t.relname, t.relname || '.' || k.conname, k.contype::text, "
                   "pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
                   "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE ") +
            kUserSchemas,
        QByteArray("SELECT c.relname, c.relname, pg_get_viewdef(c.oid) FROM pg_class c "
                   "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND ") +
            kUserSchemas,
        QByteArray("SELECT p.proname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
                   "pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                   "WHERE p.prokind IN ('f', 'p') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE "
                   "d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e') AND ") +
            kUserSchemas,
        QByteArray("SELECT c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
                   "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE NOT t.tgisinternal AND ") +
            kUserSchemas,
        QByteArray("SELECT coalesce(owner.relname, c.relname), c.relname, format_type(s.seqtypid, NULL), "
                   "'start ' || s.seqstart, 'by ' || s.seqincrement "
                   "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
                   "JOIN pg_namespace n ON n.oid = c.relnamespace "
                   "LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid "
                   "AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
                   "LEFT JOIN pg_class owner ON owner.oid = d.refobjid WHERE ") +
            kUserSchemas,
        QByteArray("SELECT t.typname, t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) "
                   "FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid "
                   "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE ") +
            kUserSchemas + " GROUP BY t.typname",
        QByteArray("SELECT x.extname, x.extname FROM pg_extension x WHERE x.extname <> 'plpgsql'"),
    };
    static const char* const labels[] = {"relation", "column",  "index",    "constraint", "view",
                                         "function", "trigger", "sequence", "enum",       "extension"};
    QList<CatalogQuery> queries;
    for (qsizetype i = 0; i < sql.size(); ++i)
        queries.append(CatalogQuery{labels[i], sql[i].constData()});
    return queries;
}

QString cellText(const QVariant& value)
{
    return value.isNull() ? QStringLiteral("<null>") : value.toString();
}

} // namespace

bool CompatCatalog::isHistoryTable(const QString& table)
{
    static const QSet<QString> tools = {
        QStringLiteral("schema_migrations"),     QStringLiteral("goose_db_version"),
        QStringLiteral("flyway_schema_history"), QStringLiteral("_prisma_migrations"),
        QStringLiteral("_sqlx_migrations"),      QStringLiteral("alembic_version"),
    };
    return tools.contains(table) || table == QLatin1String("schema_version") ||
           table.startsWith(QLatin1String("schema_version_")) || table.startsWith(QLatin1String("strata_"));
}

QStringList CompatCatalog::read(Database& db)
{
    QList<CatalogQuery> queries;
    if (db.dialect() == Dialect::Sqlite)
        queries = QList<CatalogQuery>(std::begin(kSqlite), std::end(kSqlite));
    else
        queries = postgresQueries();
    QStringList lines;
    QStringList tables;
    for (const CatalogQuery& query : queries) {
        auto rows = db.query(QString::fromUtf8(query.sql));
        if (!rows)
            return {QStringLiteral("ERROR %1: %2").arg(QLatin1String(query.label), rows.error().toText())};
        for (const auto& row : rows->rows) {
            const QString owner = cellText(row.value(0));
            if (isHistoryTable(owner))
                continue;
            QStringList cells;
            for (qsizetype i = 1; i < row.size(); ++i)
                cells << cellText(row[i]);
            lines << QLatin1String(query.label) + QLatin1Char(' ') + cells.join(QStringLiteral(" | "));
            const bool isTable = db.dialect() == Dialect::Sqlite
                                     ? (QLatin1String(query.label) == QLatin1String("object") &&
                                        cellText(row.value(1)) == QLatin1String("table"))
                                     : (QLatin1String(query.label) == QLatin1String("relation") &&
                                        (cellText(row.value(2)) == QLatin1String("r") ||
                                         cellText(row.value(2)) == QLatin1String("p")));
            if (isTable)
                tables << (db.dialect() == Dialect::Sqlite ? owner : cellText(row.value(1)));
        }
    }
    // What the migrations inserted counts too: a step that ran twice or not at all shows here.
    for (const QString& table : tables) {
        QString quoted = table;
        if (db.dialect() == Dialect::Sqlite)
            quoted = QLatin1Char('"') + table + QLatin1Char('"');
        else
            quoted = QLatin1Char('"') + table.section(QLatin1Char('.'), 0, 0) + QStringLiteral("\".\"") +
                     table.section(QLatin1Char('.'), 1) + QLatin1Char('"');
        auto count = db.query(QStringLiteral("SELECT count(*) FROM %1").arg(quoted));
        lines << QStringLiteral("rows %1 | %2")
                     .arg(table, count ? cellText(count->value(0, 0))
                                       : QStringLiteral("ERROR ") + count.error().toText());
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

QStringList CompatCatalog::differences(const QStringList& strata, const QStringList& tool)
{
    const QSet<QString> a(strata.begin(), strata.end());
    const QSet<QString> b(tool.begin(), tool.end());
    QStringList out;
    for (const QString& line : strata)
        if (!b.contains(line))
            out << QStringLiteral("only after Strata:   ") + line;
    for (const QString& line : tool)
        if (!a.contains(line))
            out << QStringLiteral("only after the tool: ") + line;
    return out;
}

} // namespace strata::test::compat
