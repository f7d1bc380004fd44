#include "tools/liquibase/LiquibaseHistory.h"

namespace strata {

QString LiquibaseHistory::tool() const
{
    return QStringLiteral("Liquibase");
}

QString LiquibaseHistory::follows() const
{
    return QStringLiteral("Liquibase 4");
}

QString LiquibaseHistory::table() const
{
    return QStringLiteral("databasechangelog");
}

bool LiquibaseHistory::recognises(const QSet<QString>& columns) const
{
    // Liquibase 4 adds contexts, labels and deployment_id to these.
    for (const char* column :
         {"id", "author", "filename", "dateexecuted", "orderexecuted", "exectype", "md5sum", "description"})
        if (!columns.contains(QLatin1String(column)))
            return false;
    return true;
}

Result<QList<ForeignRow>> LiquibaseHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT id, author, filename, dateexecuted, exectype, md5sum FROM %1 "
                                        "ORDER BY orderexecuted")
                             .arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.name = QStringLiteral("%1::%2").arg(text(r.value(2)), text(r.value(1)));
        row.appliedAt = text(r.value(3));
        row.checksum = text(r.value(5));
        const QString type = text(r.value(4));
        row.failed = type == QLatin1String("FAILED");
        if (row.failed) {
            row.problem = QStringLiteral("Liquibase recorded changeset %1 as failed.").arg(row.name);
            row.remedy =
                QStringLiteral("Settle it with Liquibase (fix the changeset, then `liquibase update`).");
        }
        list << row;
    }
    return list;
}

QString LiquibaseHistory::keepRunning() const
{
    return QStringLiteral("liquibase update");
}

} // namespace strata
