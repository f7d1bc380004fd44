#include "tools/sqlx/SqlxHistory.h"

namespace strata {

QString SqlxHistory::tool() const
{
    return QStringLiteral("sqlx");
}

QString SqlxHistory::follows() const
{
    return QStringLiteral("sqlx 0.8");
}

QString SqlxHistory::table() const
{
    return QStringLiteral("_sqlx_migrations");
}

bool SqlxHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("version"),      QStringLiteral("description"),
                                    QStringLiteral("installed_on"), QStringLiteral("success"),
                                    QStringLiteral("checksum"),     QStringLiteral("execution_time")};
}

Result<QList<ForeignRow>> SqlxHistory::read(Database& db, const QString& table) const
{
    auto rows =
        db.query(QStringLiteral(
                     "SELECT version, description, installed_on, success, checksum FROM %1 ORDER BY version")
                     .arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.name = text(r.value(1));
        row.appliedAt = text(r.value(2));
        row.failed = !flag(r.value(3));
        row.checksum = hex(r.value(4));
        if (row.failed) {
            row.problem = QStringLiteral("sqlx recorded migration %1 (%2) as partially applied.")
                              .arg(row.version, row.name);
            row.remedy = QStringLiteral("Undo or finish its changes by hand, delete its row from "
                                        "_sqlx_migrations, then run `sqlx migrate run`.");
        }
        list << row;
    }
    return list;
}

QString SqlxHistory::keepRunning() const
{
    return QStringLiteral("sqlx migrate run");
}

} // namespace strata
