#include "tools/flyway/FlywayHistory.h"

namespace strata {

QString FlywayHistory::tool() const
{
    return QStringLiteral("Flyway");
}

QString FlywayHistory::follows() const
{
    return QStringLiteral("Flyway 10");
}

QString FlywayHistory::table() const
{
    return QStringLiteral("flyway_schema_history");
}

bool FlywayHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("installed_rank"), QStringLiteral("version"),
                                    QStringLiteral("description"),    QStringLiteral("type"),
                                    QStringLiteral("script"),         QStringLiteral("checksum"),
                                    QStringLiteral("installed_by"),   QStringLiteral("installed_on"),
                                    QStringLiteral("execution_time"), QStringLiteral("success")};
}

Result<QList<ForeignRow>> FlywayHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT version, description, type, script, checksum, installed_on, "
                                        "success FROM %1 ORDER BY installed_rank")
                             .arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        const QString type = text(r.value(2));
        if (type == QLatin1String("SCHEMA") || type == QLatin1String("DELETE"))
            continue; // Flyway's own bookkeeping rows, not migrations
        ForeignRow row;
        // A repeatable script has no version: it is named by its script.
        row.version = text(r.value(0)).isEmpty() ? text(r.value(3)) : text(r.value(0));
        row.name = text(r.value(1));
        row.checksum = text(r.value(4));
        row.appliedAt = text(r.value(5));
        row.failed = !flag(r.value(6));
        if (row.failed) {
            row.problem =
                QStringLiteral("Flyway recorded %1 (%2) as failed.").arg(row.version, text(r.value(3)));
            row.remedy = QStringLiteral("Undo what the failed migration left (on PostgreSQL its transaction "
                                        "was rolled back), fix the script, then run `flyway repair` to "
                                        "remove the failed row.");
        }
        list << row;
    }
    return list;
}

QString FlywayHistory::keepRunning() const
{
    return QStringLiteral("flyway migrate");
}

} // namespace strata
