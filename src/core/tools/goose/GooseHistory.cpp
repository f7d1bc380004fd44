#include "tools/goose/GooseHistory.h"

#include <QMap>

namespace strata {

QString GooseHistory::tool() const
{
    return QStringLiteral("goose");
}

QString GooseHistory::follows() const
{
    return QStringLiteral("goose v3.27.3");
}

QString GooseHistory::table() const
{
    return QStringLiteral("goose_db_version");
}

bool GooseHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("id"), QStringLiteral("version_id"),
                                    QStringLiteral("is_applied"), QStringLiteral("tstamp")};
}

Result<QList<ForeignRow>> GooseHistory::read(Database& db, const QString& table) const
{
    auto rows =
        db.query(QStringLiteral("SELECT version_id, is_applied, tstamp FROM %1 ORDER BY id").arg(table));
    if (!rows)
        return rows.error();
    // goose reads a version's latest row. A down deletes the version's rows (since goose v2.4.4); goose up
    // to v2.4.3 inserted a row with is_applied = false instead, which databases migrated then still carry.
    // Version 0 is the row goose writes when it creates the table, not a migration.
    QList<ForeignRow> list;
    QMap<QString, qsizetype> index;
    for (const auto& r : rows->rows) {
        const QString version = text(r.value(0));
        if (version == QLatin1String("0"))
            continue;
        ForeignRow row;
        row.version = version;
        row.rolledBack = !flag(r.value(1));
        row.appliedAt = text(r.value(2));
        if (index.contains(version)) {
            list[index.value(version)] = row;
        } else {
            index.insert(version, list.size());
            list << row;
        }
    }
    return list;
}

QString GooseHistory::keepRunning() const
{
    return QStringLiteral("goose up");
}

Status GooseHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    // internal/dialects (postgres.go, sqlite3.go) InsertVersion: `INSERT INTO goose_db_version (version_id,
    // is_applied) VALUES ($1, $2)`, tstamp left to the table's default.
    return db.execute(QStringLiteral("INSERT INTO %1 (version_id, is_applied) VALUES (?, ?)").arg(table),
                      QVariantList{applied.step.version, boolean(db, true)});
}

Status GooseHistory::recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const
{
    // DeleteVersion: a down deletes the version's rows (goose since v2.4.4).
    return db.execute(QStringLiteral("DELETE FROM %1 WHERE version_id = ?").arg(table),
                      QVariantList{rolledBack.step.version});
}

} // namespace strata
