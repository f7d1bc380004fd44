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

} // namespace strata
