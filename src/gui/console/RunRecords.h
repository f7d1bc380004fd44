#pragma once

#include <QString>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "console/StatementOutcome.h"

namespace strata {

/// What the console keeps of what it ran: every statement in the database's history (QueryHistory, without
/// secrets), and every answer to a production write in the operations log (OperationsLog).
class RunRecords
{
public:
    /// The history is a convenience: a file that cannot be written is logged, never fails the statement.
    static void remember(const ConnectionUrl& url, const QString& sql, bool ok,
                         const StatementOutcome& outcome, const QString& error);
    static Status recordOperation(const ConnectionUrl& url, const QString& sql, qint64 rows, bool committed);
};

} // namespace strata
