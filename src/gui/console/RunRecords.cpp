#include "console/RunRecords.h"

#include <QDateTime>

#include "console/OperationsLog.h"
#include "console/QueryHistory.h"
#include "console/StatementKind.h"

namespace strata {

void RunRecords::remember(const ConnectionUrl& url, const QString& sql, bool ok,
                          const StatementOutcome& outcome, const QString& error)
{
    HistoryEntry entry;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.statement = sql;
    entry.ok = ok;
    entry.rows = outcome.columns.isEmpty() ? outcome.rowsAffected : outcome.rowsReturned;
    entry.micros = outcome.micros;
    entry.error = error.section(QLatin1Char('\n'), 0, 0);
    if (const Status kept = QueryHistory(url).add(entry); !kept)
        qWarning("%s", qPrintable(kept.error().toText()));
}

Status RunRecords::recordOperation(const ConnectionUrl& url, const QString& sql, qint64 rows, bool committed)
{
    Operation operation;
    operation.database = url.display();
    operation.statement = sql;
    operation.kind = StatementKind::name(StatementKind::ofText(url.dialect(), sql));
    operation.rows = rows;
    operation.outcome = committed ? QStringLiteral("committed") : QStringLiteral("rolled back");
    return OperationsLog::record(operation);
}

} // namespace strata
