#include "analytics/AnalyticsCsv.h"

#include <cmath>

#include <QSaveFile>
#include <QTextStream>

#include "analytics/AnalyticsTimeline.h"
#include "strategy/ChartExport.h"

namespace strata {

namespace analytics_csv {

QString number(const QList<double>& values, qsizetype i)
{
    if (i >= values.size() || std::isnan(values[i]))
        return {};
    return QString::number(values[i], 'g', 12);
}

} // namespace analytics_csv

Status AnalyticsCsv::write(const StrategyAnalytics& analytics, const QString& path)
{
    const Tearsheet& sheet = analytics.tearsheet;
    const QList<double> time = AnalyticsTimeline::times(analytics);
    const QList<double> benchmarkReturns = analytics.returns.alignedFrom(analytics.benchmark);
    const bool hasBenchmark = !analytics.benchmark.isEmpty();
    QString text;
    QTextStream out(&text);
    out << "date,period_return,cumulative_return,drawdown,rolling_sharpe,win_rate,benchmark_return,"
           "benchmark_cumulative,vol_matched_cumulative,rolling_beta_6m,rolling_beta_12m,"
           "rolling_volatility_6m,rolling_volatility_12m,benchmark_rolling_volatility_6m,"
           "benchmark_rolling_volatility_12m,sample\n";
    const bool sameDays = sheet.time.size() == time.size();
    for (qsizetype i = 0; i < time.size(); ++i) {
        const QDate day = analytics.returns.day.value(i);
        const QString sample = !analytics.split.boundary.isValid() ? QString()
                               : day < analytics.split.boundary    ? QStringLiteral("in")
                                                                   : QStringLiteral("out");
        out << chartexport::csvDate(time[i]) << ',' << analytics_csv::number(analytics.returns.ret, i) << ','
            << (sameDays ? analytics_csv::number(sheet.cumulativeReturn, i) : QString()) << ','
            << (sameDays ? analytics_csv::number(sheet.drawdown, i) : QString()) << ','
            << (sameDays ? analytics_csv::number(sheet.rollingSharpe, i) : QString()) << ','
            << (sameDays ? analytics_csv::number(sheet.winRate, i) : QString()) << ','
            << (hasBenchmark ? analytics_csv::number(benchmarkReturns, i) : QString()) << ','
            << analytics_csv::number(analytics.benchmarkCumulativeByDay, i) << ','
            << analytics_csv::number(analytics.volMatchedCumulativeByDay, i) << ','
            << analytics_csv::number(analytics.rollingBeta6mByDay, i) << ','
            << analytics_csv::number(analytics.rollingBeta12mByDay, i) << ','
            << analytics_csv::number(analytics.rollingVolatility6mByDay, i) << ','
            << analytics_csv::number(analytics.rollingVolatility12mByDay, i) << ','
            << analytics_csv::number(analytics.benchmarkRollingVol6mByDay, i) << ','
            << analytics_csv::number(analytics.benchmarkRollingVol12mByDay, i) << ',' << sample << '\n';
    }
    out.flush();
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(bytes) != bytes.size() ||
        !file.commit())
        return Error::failed(
            QStringLiteral("Could not write %1: %2").arg(path, file.errorString()),
            QStringLiteral("Nothing else was written; the charts are unchanged."),
            QStringLiteral("Choose a folder you can write to, with free space, and export again."));
    return {};
}

} // namespace strata
