#include "preflight/BlockerScan.h"

#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteFileHolders.h"

namespace strata {

namespace {

/// A text[] literal of `names`, each quoted, for the catalog query's $1.
QString textArray(const QStringList& names)
{
    QStringList quoted;
    for (QString n : names)
        quoted << QLatin1Char('"') +
                      n.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                          .replace(QLatin1Char('"'), QLatin1String("\\\"")) +
                      QLatin1Char('"');
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

QList<int> pidList(const QString& text)
{
    QList<int> out;
    for (const QString& p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << p.toInt();
    return out;
}

} // namespace

Result<BlockerReport> BlockerScan::scan(Database& db, const QStringList& tables, qint64 longTransactionMs)
{
    BlockerReport report;
    report.database = db.display();
    report.tables = tables;
    report.longTransactionMs = longTransactionMs;
    if (db.dialect() == Dialect::Sqlite) {
        for (const auto& process :
             SqliteFileHolders::processes(static_cast<SqliteDatabase&>(db).path(), false)) {
            BlockingSession s;
            s.pid = static_cast<int>(process.pid);
            s.applicationName = process.name;
            s.state = QStringLiteral("has the file open");
            s.holdsFile = true;
            report.sessions << s;
        }
        return report;
    }
    auto rows = db.query(db.catalogSql(QStringLiteral("blocking_sessions")),
                         QVariantList{textArray(tables), longTransactionMs});
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot list the sessions that may block the migration"));
    for (const auto& row : rows->rows) {
        BlockingSession s;
        s.pid = row.value(0).toInt();
        s.applicationName = row.value(1).toString();
        s.user = row.value(2).toString();
        s.client = row.value(3).toString();
        s.state = row.value(4).toString();
        s.query = row.value(5).toString();
        s.transactionMs = row.value(6).toLongLong();
        s.stateMs = row.value(7).toLongLong();
        s.snapshotAge = row.value(8).toLongLong();
        s.waitEventType = row.value(9).toString();
        s.blockedBy = pidList(row.value(10).toString());
        s.planLocks = row.value(11).toString();
        s.holdsPlanLock = row.value(12).toString() == QLatin1String("t");
        report.sessions << s;
    }
    report.link();
    return report;
}

} // namespace strata
