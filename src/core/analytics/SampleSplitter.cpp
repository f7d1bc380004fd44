#include "analytics/SampleSplitter.h"

#include <algorithm>
#include <cmath>

#include <QHash>
#include <QJsonObject>
#include <QTimeZone>

#include "analytics/MetricCalculator.h"

namespace strata {

namespace sample_splitter {

enum class Side { ByDate, In, Out };

Side sideOf(const PerformancePeriod& p)
{
    const QString mode =
        p.testParameters.value.toObject().value(QStringLiteral("mode")).toString().trimmed().toLower();
    if (mode == QLatin1String("backtest"))
        return Side::In;
    if (mode == QLatin1String("live") || mode == QLatin1String("paper"))
        return Side::Out;
    return Side::ByDate;
}

bool isDaily(const PerformancePeriod& p)
{
    return p.usable && p.periodType.compare(QLatin1String("daily"), Qt::CaseInsensitive) == 0;
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(fraction * 100, 0, 'f', 1);
}

} // namespace sample_splitter

SampleSplit SampleSplitter::split(const StrategyRecord& strategy,
                                  const QList<StrategyVersionRecord>& versions,
                                  const QList<PerformancePeriod>& periods, const ReturnSeries& returns,
                                  const ReturnSeries* benchmark, const QDate& asOf)
{
    SampleSplit split;
    split.inSampleMetrics.title = QStringLiteral("In sample");
    split.outOfSampleMetrics.title = QStringLiteral("Out of sample");

    // The version the rows belong to: that of the latest daily row, else the registry's.
    QString version = strategy.version;
    QDateTime latest;
    QHash<QDate, sample_splitter::Side> sides;
    sides.reserve(periods.size());
    for (const PerformancePeriod& p : periods) {
        if (!sample_splitter::isDaily(p))
            continue;
        if (!latest.isValid() || p.periodStart >= latest) {
            latest = p.periodStart;
            if (!p.version.isEmpty())
                version = p.version;
        }
        if (const sample_splitter::Side side = sample_splitter::sideOf(p);
            side != sample_splitter::Side::ByDate)
            sides.insert(p.periodEnd.toUTC().date(), side);
    }
    QDateTime created;
    for (const StrategyVersionRecord& v : versions)
        if (v.version == version && v.createdAt.isValid())
            created = v.createdAt;
    if (created.isValid()) {
        split.boundaryWhy =
            QStringLiteral("version %1 created %2")
                .arg(version, created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    } else if (strategy.createdAt.isValid()) {
        created = strategy.createdAt;
        split.boundaryWhy =
            QStringLiteral("version %1 created %2 (strategy_registry: no strategy_versions row for it)")
                .arg(version, created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    }
    const QDate createdDay = created.isValid() ? created.toUTC().date() : QDate();

    const QString name = QStringLiteral("%1 v%2").arg(strategy.strategyId, version);
    split.inSample.label = name + QStringLiteral(" in sample");
    split.outOfSample.label = name + QStringLiteral(" out of sample");
    int placedByMode = 0;
    for (qsizetype i = 0; i < returns.size(); ++i) {
        const QDate day = returns.day.at(i);
        const bool byDate = !createdDay.isValid() || day < createdDay;
        const sample_splitter::Side side = sides.value(day, sample_splitter::Side::ByDate);
        const bool in = side == sample_splitter::Side::ByDate ? byDate : side == sample_splitter::Side::In;
        if (side != sample_splitter::Side::ByDate && in != byDate)
            ++placedByMode;
        if (!in && !split.boundary.isValid() && createdDay.isValid() && day >= createdDay)
            split.boundary = day;
        ReturnSeries& part = in ? split.inSample : split.outOfSample;
        part.day << day;
        part.ret << returns.ret.at(i);
    }
    if (!split.boundary.isValid() && !split.outOfSample.isEmpty())
        split.boundary = split.outOfSample.day.first();
    if (placedByMode > 0)
        split.boundaryWhy += QStringLiteral("%1%2").arg(
            split.boundaryWhy.isEmpty() ? QString() : QStringLiteral("; "),
            placedByMode == 1
                ? QStringLiteral("1 day placed by its row's test_parameters mode")
                : QStringLiteral("%1 days placed by their rows' test_parameters mode").arg(placedByMode));
    if (split.boundaryWhy.isEmpty())
        split.boundaryWhy = QStringLiteral("no creation time: every day counts as in sample");

    split.inSampleMetrics =
        MetricCalculator::compute(QStringLiteral("In sample"), split.inSample, benchmark,
                                  split.inSample.isEmpty() ? QDate() : split.inSample.day.last());
    split.outOfSampleMetrics =
        MetricCalculator::compute(QStringLiteral("Out of sample"), split.outOfSample, benchmark, asOf);
    if (!split.inSample.isEmpty() && !split.outOfSample.isEmpty())
        split.verdict =
            verdict(split.inSampleMetrics, split.outOfSampleMetrics, static_cast<int>(split.inSample.size()),
                    static_cast<int>(split.outOfSample.size()), split.heldUp);
    return split;
}

QString SampleSplitter::verdict(const MetricColumn& in, const MetricColumn& out, int inDays, int outDays,
                                bool& heldUp)
{
    const double sharpeIn = in.value(QStringLiteral("sharpe"));
    const double sharpeOut = out.value(QStringLiteral("sharpe"));
    const double cagrIn = in.value(QStringLiteral("cagr"));
    const double cagrOut = out.value(QStringLiteral("cagr"));
    const QString days = QStringLiteral("%1 day%2 in sample, %3 out of sample")
                             .arg(inDays)
                             .arg(inDays == 1 ? QString() : QStringLiteral("s"))
                             .arg(outDays);
    heldUp = false;
    if (!std::isfinite(sharpeIn) || !std::isfinite(sharpeOut))
        return QStringLiteral("Too few days to compare the Sharpe in sample and out of sample (%1).")
            .arg(days);
    if (std::min(inDays, outDays) < SampleSplitter::kMinDays)
        return QStringLiteral(
                   "The Sharpe is %1 in sample and %2 out of sample, but %3 too few to say whether it "
                   "held up (%4).")
            .arg(sharpeIn, 0, 'f', 2)
            .arg(sharpeOut, 0, 'f', 2)
            .arg(inDays < SampleSplitter::kMinDays
                     ? QStringLiteral("%1 day%2 in sample %3")
                           .arg(inDays)
                           .arg(inDays == 1 ? QString() : QStringLiteral("s"))
                           .arg(inDays == 1 ? QStringLiteral("is") : QStringLiteral("are"))
                     : QStringLiteral("%1 day%2 out of sample %3")
                           .arg(outDays)
                           .arg(outDays == 1 ? QString() : QStringLiteral("s"))
                           .arg(outDays == 1 ? QStringLiteral("is") : QStringLiteral("are")))
            .arg(days);
    heldUp = sharpeOut > 0 && sharpeOut >= 0.5 * sharpeIn;
    const QString move = sharpeOut < sharpeIn ? QStringLiteral("fell") : QStringLiteral("rose");
    QString text = QStringLiteral("Out of sample the Sharpe %1 from %2 to %3")
                       .arg(move)
                       .arg(sharpeIn, 0, 'f', 2)
                       .arg(sharpeOut, 0, 'f', 2);
    // A relative change reads only between two positive ratios: "-219 %" from 0.64 to -0.76 says nothing the
    // two figures do not.
    if (sharpeIn > 0 && sharpeOut > 0)
        text += QStringLiteral(" (%1%2 %)")
                    .arg(sharpeOut >= sharpeIn ? QStringLiteral("+") : QString())
                    .arg((sharpeOut - sharpeIn) / std::abs(sharpeIn) * 100, 0, 'f', 0);
    if (std::isfinite(cagrIn) && std::isfinite(cagrOut))
        text += QStringLiteral(" and the CAGR from %1 to %2")
                    .arg(sample_splitter::percent(cagrIn), sample_splitter::percent(cagrOut));
    text +=
        QStringLiteral(" over %1: %2.")
            .arg(days, heldUp ? QStringLiteral("it held up")
                              : QStringLiteral("it did not hold up (out of sample the Sharpe is %1)")
                                    .arg(sharpeOut <= 0 ? QStringLiteral("not above 0")
                                                        : QStringLiteral("under half of the in-sample one")));
    return text;
}

} // namespace strata
