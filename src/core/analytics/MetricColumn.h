#pragma once

#include <cmath>
#include <limits>

#include <QHash>
#include <QString>

namespace strata {

/// One column of the metric table: every metric of one series (the strategy, its benchmark, the in-sample
/// part, the out-of-sample part). A metric that is not defined for the series (no benchmark, too few days,
/// no losing day for a profit factor) is NaN, shown as "-" and written as null in JSON.
struct MetricColumn
{
    QString title; ///< "Strategy", "Benchmark", "In sample", "Out of sample"
    QHash<QString, double> values;

    double value(const QString& key) const
    {
        return values.value(key, std::numeric_limits<double>::quiet_NaN());
    }
    bool has(const QString& key) const { return std::isfinite(value(key)); }
};

} // namespace strata
