#include "tools/ToolHistories.h"

#include <QHash>

#include "tools/TableColumns.h"
#include "tools/alembic/AlembicHistory.h"
#include "tools/atlas/AtlasHistory.h"
#include "tools/dbmate/DbmateHistory.h"
#include "tools/flyway/FlywayHistory.h"
#include "tools/golangmigrate/GolangMigrateHistory.h"
#include "tools/goose/GooseHistory.h"
#include "tools/liquibase/LiquibaseHistory.h"
#include "tools/numbered/NumberedHistory.h"
#include "tools/prisma/PrismaHistory.h"
#include "tools/sqlx/SqlxHistory.h"

namespace strata {

const std::vector<std::unique_ptr<ToolHistory>>& ToolHistories::all()
{
    static const std::vector<std::unique_ptr<ToolHistory>> tools = [] {
        std::vector<std::unique_ptr<ToolHistory>> list;
        list.push_back(std::make_unique<NumberedHistory>());
        list.push_back(std::make_unique<GolangMigrateHistory>());
        list.push_back(std::make_unique<DbmateHistory>());
        list.push_back(std::make_unique<GooseHistory>());
        list.push_back(std::make_unique<FlywayHistory>());
        list.push_back(std::make_unique<PrismaHistory>());
        list.push_back(std::make_unique<SqlxHistory>());
        list.push_back(std::make_unique<AlembicHistory>());
        list.push_back(std::make_unique<LiquibaseHistory>());
        list.push_back(std::make_unique<AtlasHistory>());
        return list;
    }();
    return tools;
}

QStringList ToolHistories::tablesRead(Dialect dialect)
{
    QStringList tables;
    for (const auto& tool : all())
        for (const QString& candidate : tool->tablesIn(dialect))
            if (!candidate.contains(QLatin1Char('.')) && !tables.contains(candidate))
                tables << candidate;
    return tables;
}

QList<ForeignHistory> ToolHistories::read(Database& db, const QStringList& userTables)
{
    QList<ForeignHistory> found;
    // The user's tables by the name a candidate is looked up with (folded to lower case on SQLite): one
    // look-up per candidate, not a pass over a schema of thousands of tables.
    const bool foldCase = db.dialect() == Dialect::Sqlite;
    QHash<QString, QString> tableNamed;
    tableNamed.reserve(userTables.size());
    for (const QString& name : userTables)
        tableNamed.insert(foldCase ? name.toLower() : name, name);
    // Each tool's candidate tables that exist, under the name they were created with. A schema-qualified
    // table (Atlas on PostgreSQL) is not among the current schema's tables: it is looked for as it is.
    // SQLite's names are case-insensitive, and some tools write theirs in capitals there (Liquibase's
    // DATABASECHANGELOG): the table is read under the name it was created with.
    std::vector<QStringList> candidatesOf;
    QStringList candidates;
    for (const auto& tool : all()) {
        QStringList mine;
        for (const QString& candidate : tool->tablesIn(db.dialect())) {
            if (candidate.contains(QLatin1Char('.'))) {
                mine << candidate;
                continue;
            }
            const auto listed = tableNamed.constFind(foldCase ? candidate.toLower() : candidate);
            if (listed != tableNamed.cend())
                mine << *listed;
        }
        for (const QString& table : std::as_const(mine))
            if (!candidates.contains(table))
                candidates << table;
        candidatesOf.push_back(mine);
    }
    // Their columns in one read (several tools name their table schema_migrations). When they cannot be
    // read, no table is recognised: reading Strata's own history never fails on another tool's table.
    auto columns = TableColumns::ofEach(db, candidates);
    const QHash<QString, QSet<QString>> columnsOf = columns ? *columns : QHash<QString, QSet<QString>>();
    size_t index = 0;
    for (const auto& tool : all()) {
        QString table;
        for (const QString& candidate : candidatesOf[index])
            if (const auto cols = columnsOf.constFind(candidate);
                cols != columnsOf.cend() && !cols->isEmpty() && tool->recognises(*cols)) {
                table = candidate;
                break;
            }
        ++index;
        if (table.isEmpty())
            continue;
        ForeignHistory history;
        history.tool = tool->tool();
        history.follows = tool->follows();
        history.table = table;
        history.readOnly = tool->readOnly();
        history.keepRunning = tool->keepRunning();
        history.note = tool->note();
        history.currentOnly = tool->keepsOnlyCurrent();
        auto rows = tool->read(db, table);
        if (rows)
            history.rows = *rows;
        else
            history.readError = rows.error().toText();
        found << history;
    }
    return found;
}

} // namespace strata
