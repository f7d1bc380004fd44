#include "review/sqlite/SqliteRecipes.h"

#include "review/sqlite/SqliteLiveSchema.h"
#include "review/sqlite/SqliteRewrites.h"
#include "schema/SchemaReader.h"
#include "schema/SqlIdentifier.h"
#include "schema/SqliteDdl.h"
#include "schema/SqliteSchemaQueries.h"

namespace strata {

namespace {

QString quoted(const QString& name)
{
    return SqlIdentifier::quote(name, Dialect::Sqlite);
}

} // namespace

SqliteRecipes::SqliteRecipes(Database& db, TableLoads& loads) : m_db(db), m_loads(loads) {}

SqliteRecipes::AroundTable SqliteRecipes::around(const QString& table)
{
    AroundTable found;
    auto objects = m_db.query(m_db.catalogSql(QStringLiteral("schema_objects")));
    if (!objects)
        return found;
    for (const auto& row : objects->rows) {
        const QString kind = row.value(0).toString();
        const QString name = row.value(2).toString();
        const bool onTable = row.value(3).toString().compare(table, Qt::CaseInsensitive) == 0;
        if (kind == QLatin1String("trigger") && onTable) {
            found.own.append({name, row.value(4).toString()}); // dropped with the table
        } else if (SqliteLiveSchema::mentions(row.value(4).toString(), table)) {
            found.dropFirst << QStringLiteral("DROP %1 %2").arg(kind.toUpper(), quoted(name));
            found.createAfter << row.value(4).toString();
        }
    }
    return found;
}

QStringList SqliteRecipes::rowKey(const QString& table)
{
    // Only the stored CREATE TABLE says WITHOUT ROWID (read with SQLite's tokens, not a LIKE that a name
    // could fool); most tables have a rowid and cost this one query.
    auto create =
        m_db.query(m_db.catalogSql(QStringLiteral("schema_tables")), {QStringLiteral("main"), table});
    if (!create || create->isEmpty() || !SqliteDdl::parseTable(create->value(0, 2).toString()).withoutRowid)
        return {};
    auto read = SqliteSchemaQueries(m_db).read(table, {});
    return read && !read->tables.isEmpty() ? read->tables.first().primaryKey() : QStringList();
}

QString SqliteRecipes::recipe(const QString& table)
{
    const QString scratch = QStringLiteral("new_") + table;
    if (m_loads.of(QString(), table).found) {
        auto info = SchemaReader(m_db).readTable(QStringLiteral("main"), table);
        if (info) {
            QStringList columns;
            for (const ColumnInfo& c : info->columns)
                if (c.generated.isEmpty())
                    columns << c.name;
            const AroundTable a = around(table);
            QStringList again;
            for (const IndexInfo& index : info->indexes)
                if (!index.definition.isEmpty())
                    again << index.definition;
            for (const auto& [name, sql] : a.own)
                again << sql;
            again += a.createAfter;
            return SqliteRewrites::rebuildRecipe(
                table, scratch,
                QStringLiteral("-- the table as it is now: make the change here\n") +
                    SqliteRewrites::renamedCreate(info->ddl, scratch),
                SqliteRewrites::copyOf(table, scratch, columns), a.dropFirst, again);
        }
    }
    return SqliteRewrites::rebuildRecipe(
        table, scratch, QStringLiteral("CREATE TABLE %1 (...)").arg(quoted(scratch)),
        QStringLiteral("INSERT INTO %1 (...) SELECT ... FROM %2").arg(quoted(scratch), quoted(table)), {},
        {});
}

QString SqliteRecipes::stepRecipe(const SqliteRebuild& r, const QList<SqliteStepStatement>& statements,
                                  const AroundTable& a)
{
    const SqliteStepStatement& create = statements.at(r.renameFirst ? r.first + 0 : r.first);
    QString createText;
    QString copyText = r.copy >= 0 ? statements.at(r.copy).text : QString();
    QString scratch = r.scratch;
    if (r.renameFirst) {
        // ALTER TABLE x RENAME TO x_old; CREATE TABLE x ...: build the new table as new_x instead.
        scratch = QStringLiteral("new_") + r.table;
        for (const SqliteStepStatement& s : statements)
            if (s.index > r.first && s.index < r.drop && s.what.kind == SqliteStatement::Kind::CreateTable &&
                s.what.table.compare(r.table, Qt::CaseInsensitive) == 0 && createText.isEmpty())
                createText = SqliteRewrites::renamedCreate(s.text, scratch);
        if (!copyText.isEmpty())
            copyText = SqliteRewrites::retargetedCopy(copyText, scratch, r.table);
    } else {
        createText = create.text;
    }
    return SqliteRewrites::rebuildRecipe(r.table, scratch, createText, copyText, a.dropFirst, a.createAfter);
}

} // namespace strata
