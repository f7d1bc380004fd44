#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include "analytics/BenchmarkChoice.h"
#include "analytics/ReturnSeries.h"
#include "common/Result.h"

namespace strata {

/// A benchmark's raw values (a table's column, a CSV file's rows) turned into daily returns: one value a day
/// (the last of several), prices into returns (p[t] / p[t-1] - 1), and the guess between prices and returns
/// when the operator did not say. Linear in the number of values, but for the median of the guess.
class BenchmarkValues
{
public:
    struct Dated
    {
        QDate day;
        double value = 0;
    };

    /// "2026-03-02", "2026-03-02T14:10:00Z", "2026-03-02 14:10:00+00": the day as written (the first ten
    /// characters of an ISO date or date-time); invalid otherwise.
    static QDate dayOf(const QString& text);

    /// `values` in any order; `mode` Guess decides from the values (prices when every value is above 0 and
    /// the median absolute value is above 1, else returns). `note` gets a sentence saying what was decided.
    static Result<ReturnSeries> toReturns(QList<Dated> values, BenchmarkChoice::Values mode,
                                          const QString& label, QString& note);
};

} // namespace strata
