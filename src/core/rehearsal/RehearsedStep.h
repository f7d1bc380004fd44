#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "rehearsal/RehearsedLock.h"

namespace strata {

/// What one step did when it ran on the rehearsal's copy, in one pass (up, down or up again).
struct RehearsedStep
{
    QString slot;  ///< "2.2"
    QString phase; ///< "indexes"
    QString label; ///< as the run report names it
    bool ran = false;
    bool succeeded = false;
    QString error;            ///< why it failed
    qint64 durationMs = 0;    ///< the step's own time, as the live run records it in its history
    qint64 transactionMs = 0; ///< from its BEGIN to its COMMIT (with its history rows)
    QList<RehearsedLock> locks;
    QStringList rewrittenTables; ///< tables that got a new data file (relfilenode, SQLite root page)
    QStringList tables;          ///< the tables it involved: locked, rewritten or named by its SQL
    qint64 rowsTouched = 0;      ///< its statements' affected-row counts
    /// Rows the copy held in `tables` before the pass (in all the tables the plan names, if none).
    qint64 rowsInTables = 0;

    /// "2.2 indexes: locks enforcement_log (SHARE) 1.8 s, measured on a copy of 3.1 M rows"
    QString summary() const;
    QJsonObject toJson() const;
    /// "3.1 M", "12.4 k", "950".
    static QString rowCount(qint64 rows);
    /// "1.8 s", "45 ms".
    static QString duration(qint64 ms);
};

} // namespace strata
