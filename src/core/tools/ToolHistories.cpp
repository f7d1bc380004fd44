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
    // Several tools name their table schema_migrations: its columns are read once, not once per tool.
    // A table whose columns cannot be read is kept as having none: no tool recognises it.
    QHash<QString, QSet<QString>> columnsOf;
    // The user's tables by the name a candidate is looked up with (folded to lower case on SQLite): one
    // look-up per candidate, not a pass over a schema of thousands of tables.
    const bool foldCase = db.dialect() == Dialect::Sqlite;
    QHash<QString, QString> tableNamed;
    tableNamed.reserve(userTables.size());
    for (const QString& name : userTables)
        tableNamed.insert(foldCase ? name.toLower() : name, name);
    for (const auto& tool : all()) {
        QString table;
        for (QString candidate : tool->tablesIn(db.dialect())) {
            // A schema-qualified table (Atlas on PostgreSQL) is not among the current schema's tables.
            // SQLite's names are case-insensitive, and some tools write theirs in capitals there
            // (Liquibase's DATABASECHANGELOG): the table is read under the name it was created with.
            if (!candidate.contains(QLatin1Char('.'))) {
                const auto listed = tableNamed.constFind(foldCase ? candidate.toLower() : candidate);
                if (listed == tableNamed.cend())
                    continue;
                candidate = *listed;
            }
            auto cached = columnsOf.constFind(candidate);
            if (cached == columnsOf.constEnd()) {
                auto read = TableColumns::of(db, candidate);
                cached = columnsOf.insert(candidate, read ? *read : QSet<QString>());
            }
            if (!cached->isEmpty() && tool->recognises(*cached)) {
                table = candidate;
                break;
            }
        }
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
