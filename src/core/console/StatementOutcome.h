#pragma once

#include <functional>

#include <QList>
#include <QStringList>
#include <QVariant>

namespace strata {

/// What one statement did.
struct StatementOutcome
{
    QStringList columns; ///< empty when the statement returns no rows
    qint64 rowsReturned = 0;
    qint64 rowsAffected = -1; ///< INSERT/UPDATE/DELETE; -1 when not applicable
    qint64 micros = 0;        ///< time on the worker from send to last row
    QString command;          ///< "SELECT", "UPDATE", ... as the engine names it
    bool stopped = false;     ///< the batch callback asked to stop before the last row
};

/// Receives the column names and a batch of rows (moved out by the receiver or cleared after the call).
/// Values: NULL is an invalid QVariant, binary (blob, bytea) a QByteArray, integers qint64, floating point
/// numbers double when their text round-trips, everything else the engine's text. Returning false stops
/// reading.
using RowBatch = std::function<bool(const QStringList& columns, QList<QVariantList>& rows)>;

} // namespace strata
