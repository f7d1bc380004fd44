#include "analytics/BenchmarkValues.h"

#include <algorithm>
#include <cmath>

namespace strata {

QDate BenchmarkValues::dayOf(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() < 10)
        return {};
    if (trimmed.size() > 10 && trimmed.at(10) != QLatin1Char('T') && trimmed.at(10) != QLatin1Char(' '))
        return {};
    return QDate::fromString(trimmed.left(10), Qt::ISODate);
}

Result<ReturnSeries> BenchmarkValues::toReturns(QList<Dated> values, BenchmarkChoice::Values mode,
                                                const QString& label, QString& note)
{
    std::stable_sort(values.begin(), values.end(),
                     [](const Dated& a, const Dated& b) { return a.day < b.day; });
    // Several values on one day: the last one (in the order they were read) stands.
    QList<Dated> daily;
    daily.reserve(values.size());
    int replaced = 0;
    for (const Dated& v : std::as_const(values)) {
        if (!daily.isEmpty() && daily.last().day == v.day) {
            daily.last() = v;
            ++replaced;
        } else {
            daily << v;
        }
    }
    QStringList notes;
    bool prices = mode == BenchmarkChoice::Values::Prices;
    if (mode == BenchmarkChoice::Values::Guess && !daily.isEmpty()) {
        bool allPositive = true;
        QList<double> magnitudes;
        magnitudes.reserve(daily.size());
        for (const Dated& v : std::as_const(daily)) {
            allPositive = allPositive && v.value > 0;
            magnitudes << std::abs(v.value);
        }
        const auto middle = magnitudes.begin() + magnitudes.size() / 2;
        std::nth_element(magnitudes.begin(), middle, magnitudes.end());
        const double median = *middle;
        prices = allPositive && median > 1;
        notes << (prices
                      ? QStringLiteral(
                            "read as prices (every value is above 0 and the median is %1; "
                            "if they are returns, end the benchmark with :returns, in the tearsheet's "
                            "Benchmark chooser as after strata-cli's --benchmark)")
                            .arg(median, 0, 'g', 6)
                      : QStringLiteral("read as returns, fractions of 1 (%1; if they are prices, end the "
                                       "benchmark with :prices, in the tearsheet's Benchmark chooser as "
                                       "after strata-cli's --benchmark)")
                            .arg(allPositive ? QStringLiteral("the median value is %1").arg(median, 0, 'g', 6)
                                             : QStringLiteral("some values are 0 or below")));
    } else if (mode == BenchmarkChoice::Values::Prices) {
        notes << QStringLiteral("read as prices");
    } else {
        notes << QStringLiteral("read as returns, fractions of 1");
    }

    if (replaced > 0)
        notes << QStringLiteral("%1 day%2 had several values: the last one of each day was kept")
                     .arg(replaced)
                     .arg(replaced == 1 ? QString() : QStringLiteral("s"));

    ReturnSeries series;
    series.label = label;
    series.day.reserve(daily.size());
    series.ret.reserve(daily.size());
    if (prices) {
        for (qsizetype i = 0; i < daily.size(); ++i) {
            if (daily.at(i).value <= 0)
                return Error::badInput(
                    QStringLiteral("%1 has the price %2 on %3: a price must be above 0 to make a return.")
                        .arg(label)
                        .arg(daily.at(i).value)
                        .arg(daily.at(i).day.toString(Qt::ISODate)),
                    QStringLiteral("Correct the value; or, if the values are returns, end the benchmark with "
                                   ":returns: spy.csv:returns in the tearsheet's Benchmark chooser, "
                                   "--benchmark csv:spy.csv:returns in strata-cli."),
                    QStringLiteral("Nothing was read or changed."));
            if (i == 0)
                continue; // the first price only starts the series
            series.day << daily.at(i).day;
            series.ret << daily.at(i).value / daily.at(i - 1).value - 1;
        }
    } else {
        for (const Dated& v : std::as_const(daily)) {
            series.day << v.day;
            series.ret << v.value;
        }
    }
    note = notes.join(QStringLiteral("; "));
    return series;
}

} // namespace strata
