#include "tools/liquibase/LiquibaseHistory.h"

#include "tools/TableColumns.h"

namespace strata {

QString LiquibaseHistory::tool() const
{
    return QStringLiteral("Liquibase");
}

QString LiquibaseHistory::follows() const
{
    return QStringLiteral("Liquibase 4.x");
}

QString LiquibaseHistory::table() const
{
    return QStringLiteral("databasechangelog");
}

bool LiquibaseHistory::recognises(const QSet<QString>& columns) const
{
    // The columns every Liquibase has written. Liquibase 4 creates the table with ORDEREXECUTED, EXECTYPE,
    // DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS and DEPLOYMENT_ID too
    // (CreateDatabaseChangeLogTableGenerator), and adds whichever an older table lacks on its next run
    // (StandardChangeLogHistoryService.init): a table no newer Liquibase has touched has only these.
    for (const char* column : {"id", "author", "filename", "dateexecuted", "md5sum"})
        if (!columns.contains(QLatin1String(column)))
            return false;
    return true;
}

Result<QList<ForeignRow>> LiquibaseHistory::read(Database& db, const QString& table) const
{
    auto columns = TableColumns::of(db, table);
    if (!columns)
        return columns.error();
    const bool ordered = columns->contains(QStringLiteral("orderexecuted"));
    const bool typed = columns->contains(QStringLiteral("exectype"));
    auto rows =
        db.query(QStringLiteral("SELECT id, author, filename, dateexecuted, %1, md5sum FROM %2 "
                                "ORDER BY %3")
                     .arg(typed ? QStringLiteral("exectype") : QStringLiteral("'EXECUTED'"), table,
                          ordered ? QStringLiteral("orderexecuted") : QStringLiteral("dateexecuted")));
    if (!rows)
        return rows.error();
    // EXECUTED, RERAN (a runOnChange or runAlways changeset run again) and MARK_RAN (recorded as run
    // without running, e.g. a failed precondition with onFail="MARK_RAN") all count as run. Liquibase
    // never writes FAILED or SKIPPED (MarkChangeSetRanGenerator returns no SQL for them): a failed
    // changeset leaves no row. A FAILED row can only come from someone else, and is shown as failed.
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.name = QStringLiteral("%1::%2").arg(text(r.value(2)), text(r.value(1)));
        row.appliedAt = text(r.value(3));
        row.checksum = text(r.value(5));
        const QString type = text(r.value(4));
        row.failed = type == QLatin1String("FAILED") || type == QLatin1String("SKIPPED");
        if (row.failed) {
            row.problem = QStringLiteral("The Liquibase changelog table records changeset %1 as %2, which "
                                         "Liquibase itself never writes.")
                              .arg(row.name, type);
            row.remedy = QStringLiteral("Find out who wrote that row, settle the changeset with Liquibase "
                                        "(`liquibase update`, or `liquibase changelog-sync` if it is in the "
                                        "database), and remove the row.");
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
