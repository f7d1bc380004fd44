#include "analytics/AnalyticsJson.h"

#include <cmath>

#include <QJsonArray>

#include "analytics/MetricDefinition.h"
#include "strategy/JsonValues.h"

namespace strata {

namespace analytics_json {

using jsonvalues::number;

QJsonValue day(const QDate& day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonArray numbers(const QList<double>& values)
{
    QJsonArray out;
    for (double v : values)
        out.append(number(v));
    return out;
}

QString unitName(MetricDefinition::Unit unit)
{
    switch (unit) {
    case MetricDefinition::Unit::Percent:
        return QStringLiteral("percent");
    case MetricDefinition::Unit::Ratio:
        return QStringLiteral("ratio");
    case MetricDefinition::Unit::Days:
        return QStringLiteral("days");
    case MetricDefinition::Unit::Date:
        return QStringLiteral("date");
    case MetricDefinition::Unit::Count:
        return QStringLiteral("count");
    }
    return QStringLiteral("ratio");
}

QJsonObject metrics(const QList<MetricColumn>& columns)
{
    QJsonArray titles;
    for (const MetricColumn& c : columns)
        titles.append(c.title);
    QJsonArray rows;
    for (const MetricDefinition& m : MetricDefinition::all()) {
        QJsonArray values;
        for (const MetricColumn& c : columns) {
            const double v = c.value(m.key);
            // A day is stored as its Julian day number; scripts get the ISO date.
            if (m.unit == MetricDefinition::Unit::Date && std::isfinite(v))
                values.append(day(QDate::fromJulianDay(static_cast<qint64>(v))));
            else
                values.append(number(v));
        }
        rows.append(QJsonObject{{QStringLiteral("key"), m.key},
                                {QStringLiteral("label"), m.label},
                                {QStringLiteral("section"), m.section},
                                {QStringLiteral("unit"), unitName(m.unit)},
                                {QStringLiteral("needs_benchmark"), m.needsBenchmark},
                                {QStringLiteral("values"), values}});
    }
    return {{QStringLiteral("columns"), titles}, {QStringLiteral("rows"), rows}};
}

QJsonObject histogram(const StrategyAnalytics::Histogram& h)
{
    QJsonArray counts;
    for (int c : h.counts)
        counts.append(c);
    return {{QStringLiteral("from"), number(h.from)},
            {QStringLiteral("width"), number(h.width)},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("mean"), number(h.mean)},
            {QStringLiteral("stddev"), number(h.stddev)}};
}

QJsonObject part(const ReturnSeries& series)
{
    return {{QStringLiteral("label"), series.label},
            {QStringLiteral("days"), series.size()},
            {QStringLiteral("first_day"), day(series.isEmpty() ? QDate() : series.day.first())},
            {QStringLiteral("last_day"), day(series.isEmpty() ? QDate() : series.day.last())}};
}

} // namespace analytics_json

QJsonObject AnalyticsJson::analytics(const StrategyAnalytics& a)
{
    QJsonObject benchmark = analytics_json::part(a.benchmark);
    benchmark.insert(QStringLiteral("spec"), a.benchmarkChoice.spec());
    benchmark.insert(QStringLiteral("description"), a.benchmarkChoice.describe());
    benchmark.insert(QStringLiteral("note"), a.benchmarkNote);
    benchmark.insert(QStringLiteral("present"), !a.benchmark.isEmpty());
    benchmark.insert(QStringLiteral("cumulative"), analytics_json::numbers(a.benchmarkCumulativeByDay));
    benchmark.insert(QStringLiteral("vol_matched_cumulative"),
                     analytics_json::numbers(a.volMatchedCumulativeByDay));

    QJsonArray drawdowns;
    for (const DrawdownPeriod& d : a.worstDrawdowns)
        drawdowns.append(QJsonObject{{QStringLiteral("start"), analytics_json::day(d.start)},
                                     {QStringLiteral("valley"), analytics_json::day(d.valley)},
                                     {QStringLiteral("end"), analytics_json::day(d.end)},
                                     {QStringLiteral("recovered"), d.recovered()},
                                     {QStringLiteral("depth"), analytics_json::number(d.depth)},
                                     {QStringLiteral("days"), d.days}});

    QJsonArray yearly;
    for (const auto& y : a.yearly)
        yearly.append(QJsonObject{{QStringLiteral("year"), y.year},
                                  {QStringLiteral("strategy"), analytics_json::number(y.strategy)},
                                  {QStringLiteral("benchmark"), analytics_json::number(y.benchmark)}});

    QJsonObject distribution{{QStringLiteral("binning"), QStringLiteral("freedman-diaconis")},
                             {QStringLiteral("daily"), analytics_json::histogram(a.dailyDistribution)},
                             {QStringLiteral("monthly"), analytics_json::histogram(a.monthlyDistribution)},
                             {QStringLiteral("monthly_returns"), analytics_json::numbers(a.monthlyReturns)}};

    QJsonArray days;
    for (const QDate& d : a.returns.day)
        days.append(d.toString(Qt::ISODate));
    QJsonObject rolling{
        {QStringLiteral("days"), days},
        {QStringLiteral("beta_6m"), analytics_json::numbers(a.rollingBeta6mByDay)},
        {QStringLiteral("beta_12m"), analytics_json::numbers(a.rollingBeta12mByDay)},
        {QStringLiteral("volatility_6m"), analytics_json::numbers(a.rollingVolatility6mByDay)},
        {QStringLiteral("volatility_12m"), analytics_json::numbers(a.rollingVolatility12mByDay)},
        {QStringLiteral("benchmark_volatility_6m"), analytics_json::numbers(a.benchmarkRollingVol6mByDay)},
        {QStringLiteral("benchmark_volatility_12m"), analytics_json::numbers(a.benchmarkRollingVol12mByDay)}};

    QJsonObject samples{{QStringLiteral("boundary"), analytics_json::day(a.split.boundary)},
                        {QStringLiteral("why"), a.split.boundaryWhy},
                        {QStringLiteral("verdict"), a.split.verdict},
                        {QStringLiteral("held_up"), a.split.heldUp},
                        {QStringLiteral("in_sample"), analytics_json::part(a.split.inSample)},
                        {QStringLiteral("out_of_sample"), analytics_json::part(a.split.outOfSample)}};

    return {{QStringLiteral("metrics"), analytics_json::metrics(a.metrics)},
            {QStringLiteral("benchmark"), benchmark},
            {QStringLiteral("drawdown_periods"), drawdowns},
            {QStringLiteral("yearly_returns"), yearly},
            {QStringLiteral("distribution"), distribution},
            {QStringLiteral("rolling"), rolling},
            {QStringLiteral("samples"), samples},
            {QStringLiteral("analytics_problems"), QJsonArray::fromStringList(a.problems)}};
}

} // namespace strata
