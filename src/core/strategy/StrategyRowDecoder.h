#pragma once

#include <optional>

#include <QDateTime>
#include <QStringList>
#include <QVariant>

#include "connection/Database.h"
#include "strategy/StrategyRecord.h"

namespace strata {

/// Turns the rows of the four strategy tables into records, the same on both engines (PostgreSQL sends
/// text, SQLite typed values), and writes into each record's `problems` what is wrong with it instead of
/// failing: one bad row never hides the others.
class StrategyRowDecoder
{
public:
    /// The SELECT list of each table, in the order the decoders read it. `dialect` decides how times are
    /// read: PostgreSQL's timestamptz is formatted as ISO-8601 UTC text so both engines parse one format.
    static QString registryColumns(Dialect dialect);
    static QString lineageColumns(Dialect dialect);
    static QString versionColumns(Dialect dialect);
    static QString performanceColumns(Dialect dialect);

    static StrategyRecord registry(const QVariantList& row);
    static LineageEdge lineage(const QVariantList& row);
    static StrategyVersionRecord version(const QVariantList& row);
    static PerformancePeriod performance(const QVariantList& row);

    /// A JSON column: NULL → empty; text that is not JSON → `error` set, `raw` kept.
    static JsonField json(const QVariant& value);
    /// "2026-11-21T09:30:00.000Z" (and PostgreSQL's own "2026-11-21 09:30:00+00") → UTC; invalid when not a
    /// time.
    static QDateTime time(const QVariant& value);
    /// A number column: nullopt when NULL or not a number (SQLite lets any text into a REAL column).
    static std::optional<double> number(const QVariant& value);
    /// SQLite's 0/1 and PostgreSQL's t/f.
    static bool boolean(const QVariant& value);
};

} // namespace strata
