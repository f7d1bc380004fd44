#include "schema/SetOwnedIndexes.h"

#include <QJsonArray>

#include "review/postgres/PgParsedScript.h"
#include "review/postgres/PgTree.h"
#include "review/sqlite/SqliteStepStatements.h"

namespace strata {

SetOwnedIndexes SetOwnedIndexes::read(const MigrationSet& set, Dialect dialect)
{
    SetOwnedIndexes owned;
    owned.m_dialect = dialect;
    for (const MigrationStep& step : set.stepsFor(dialect)) {
        if (dialect == Dialect::Sqlite) {
            for (const SqliteStepStatement& statement :
                 SqliteStepStatements::read(step.forwardSql, step.forwardFirstLine)) {
                if (statement.what.kind == SqliteStatement::Kind::CreateIndex)
                    owned.created(statement.what.name, step);
                else if (statement.what.kind == SqliteStatement::Kind::DropIndex)
                    owned.dropped(statement.what.name);
            }
            continue;
        }
        for (const PgStatement& statement : PgParsedScript::parse(step.forwardSql, step.forwardFirstLine)) {
            if (!statement.parsed)
                continue;
            const QJsonObject& node = statement.node;
            if (statement.kind == QLatin1String("IndexStmt")) {
                const QString name = PgTree::str(node, "idxname");
                if (!name.isEmpty()) // an unnamed index gets a name PostgreSQL picks; the catalog knows it
                    owned.created(name, step);
            } else if (statement.kind == QLatin1String("DropStmt") &&
                       PgTree::str(node, "removeType") == QLatin1String("OBJECT_INDEX")) {
                for (const auto& object : node.value(QStringLiteral("objects")).toArray()) {
                    const QStringList parts = PgTree::names(object.toObject()
                                                                .value(QStringLiteral("List"))
                                                                .toObject()
                                                                .value(QStringLiteral("items"))
                                                                .toArray());
                    if (!parts.isEmpty())
                        owned.dropped(parts.last());
                }
            } else if (statement.kind == QLatin1String("RenameStmt") &&
                       PgTree::str(node, "renameType") == QLatin1String("OBJECT_INDEX")) {
                const QString from = node.value(QStringLiteral("relation"))
                                         .toObject()
                                         .value(QStringLiteral("relname"))
                                         .toString();
                if (owned.owns(from)) {
                    const QString label = owned.step(from);
                    owned.dropped(from);
                    owned.m_steps.insert(owned.key(PgTree::str(node, "newname")), label);
                }
            }
        }
    }
    return owned;
}

} // namespace strata
