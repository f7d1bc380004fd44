#include "tools/numbered/NumberedHistory.h"

namespace strata {

QString NumberedHistory::tool() const
{
    return QStringLiteral("numbered-sql runner");
}

QString NumberedHistory::follows() const
{
    return QStringLiteral("seed 001's runner (its README's schema_migrations)");
}

QString NumberedHistory::table() const
{
    return QStringLiteral("schema_migrations");
}

bool NumberedHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("migration_id"), QStringLiteral("version"),
                                    QStringLiteral("name"),         QStringLiteral("applied_at"),
                                    QStringLiteral("checksum"),     QStringLiteral("execution_time_ms")};
}

Result<QList<ForeignRow>> NumberedHistory::read(Database& db, const QString& table) const
{
    auto rows =
        db.query(QStringLiteral("SELECT version, name, applied_at, checksum FROM %1 ORDER BY migration_id")
                     .arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.name = text(r.value(1));
        row.appliedAt = text(r.value(2));
        row.checksum = text(r.value(3));
        list << row;
    }
    return list;
}

QString NumberedHistory::keepRunning() const
{
    return QStringLiteral("its own runner (the container's migration script)");
}

} // namespace strata
