#pragma once

#include <QCoreApplication>
#include <QString>

#include "console/StatementOutcome.h"

namespace strata {

/// How the console's status line words a run: "SELECT · 1,000 rows returned · 12.3 ms".
class RunText
{
    Q_DECLARE_TR_FUNCTIONS(RunText)

public:
    /// "1 row", "1,234 rows".
    static QString rows(qint64 n);
    /// "12.3 ms", "2.41 s".
    static QString time(qint64 micros);
    /// The end of a run: how many statements (when more than one), the last one's command and rows, the rows
    /// all of them affected, and the time.
    static QString summary(int statements, const StatementOutcome& last, qint64 affected, qint64 micros);
};

} // namespace strata
