#include "tools/dbmate/DbmateHistory.h"

namespace strata {

QString DbmateHistory::tool() const
{
    return QStringLiteral("dbmate");
}

QString DbmateHistory::follows() const
{
    return QStringLiteral("dbmate 2.36.0");
}

QString DbmateHistory::table() const
{
    return QStringLiteral("schema_migrations");
}

bool DbmateHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("version")};
}

Result<QList<ForeignRow>> DbmateHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT version FROM %1 ORDER BY version").arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        list << row;
    }
    return list;
}

QString DbmateHistory::keepRunning() const
{
    return QStringLiteral("dbmate up");
}

QString DbmateHistory::versionOf(const MigrationStep& step) const
{
    // dbmate (pkg/dbmate/db.go, migrationFileRegexp `^(\d+).*\.sql$`): the file name's leading digits, as
    // text, leading zeros kept.
    const QString name = fileName(step);
    qsizetype digits = 0;
    while (digits < name.size() && name.at(digits).isDigit() && name.at(digits).unicode() < 128)
        ++digits;
    return digits > 0 ? name.first(digits) : QString::number(step.version);
}

Status DbmateHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    // The driver's InsertMigration: `insert into schema_migrations (version) values ($1)`.
    return db.execute(QStringLiteral("INSERT INTO %1 (version) VALUES (?)").arg(table),
                      QVariantList{versionOf(applied.step)});
}

Status DbmateHistory::recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const
{
    // The driver's DeleteMigration: `delete from schema_migrations where version = $1`.
    return db.execute(QStringLiteral("DELETE FROM %1 WHERE version = ?").arg(table),
                      QVariantList{versionOf(rolledBack.step)});
}

} // namespace strata
