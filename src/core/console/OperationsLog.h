#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "common/Result.h"

namespace strata {

/// What a statement that changed data or schema on a production database did.
struct Operation
{
    QDateTime at;      ///< UTC, when it ended
    QString user;      ///< the operating-system user who ran it
    QString database;  ///< where (ConnectionUrl::display: never a password)
    QString statement; ///< with its secrets taken out
    QString kind;      ///< StatementKind::name
    qint64 rows = -1;  ///< rows it changed (counted in its transaction before the confirmation)
    QString outcome;   ///< "committed", "rolled back", "failed"
    QString error;     ///< when it failed
};

/// The operations log: one JSON object a line in operations.jsonl under Strata's data folder, appended and
/// never rewritten, so that "who changed what on production, and was it kept" has an answer.
class OperationsLog
{
public:
    static QString path();
    /// Appends `operation` (the user and time filled in when empty, the statement redacted).
    static Status record(Operation operation);
    /// The newest `limit` operations, newest first.
    static QList<Operation> read(int limit = 1000);
    /// The operating-system user running Strata.
    static QString currentUser();
};

} // namespace strata
