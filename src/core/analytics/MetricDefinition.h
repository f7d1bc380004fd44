#pragma once

#include <QList>
#include <QString>

namespace strata {

/// One row of the metric table: a metric of QuantStats' full report, as docs/strategy-metrics.md defines it.
struct MetricDefinition
{
    enum class Unit {
        Percent, ///< a fraction shown as a percentage (0.1234 → "12.34 %")
        Ratio,   ///< a plain number (Sharpe 1.23)
        Days,    ///< a count of days
        Date,    ///< a day, stored as QDate::toJulianDay()
        Count    ///< a whole number (consecutive wins)
    };

    QString key;     ///< stable, snake_case: "cagr", "sharpe", "max_drawdown", "win_rate_month" — JSON keys
    QString label;   ///< as QuantStats prints it ("CAGR %" with a plain percent sign, which every font draws)
    QString section; ///< the block of the table it sits in: "Returns", "Risk", "Ratios", "Periods"…
    Unit unit = Unit::Ratio;
    bool needsBenchmark = false; ///< beta, alpha, correlation, R², information ratio, Treynor

    /// Every metric in the order of the table.
    static const QList<MetricDefinition>& all();
    static const MetricDefinition* find(const QString& key);
};

} // namespace strata
