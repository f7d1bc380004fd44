// analytics_build_bench [RUNS]: AnalyticsBuilder::build for one strategy from its daily performance rows in
// memory (no database) — the tearsheet, the metric table's four columns (strategy, benchmark, in sample, out
// of sample), the benchmark's cumulative and volatility-matched curves, the rolling beta and volatility, the
// worst drawdowns, the years, the distributions and the in-sample / out-of-sample split — for 1, 10, 20 and
// 40 years of days, to show the cost per 1,000 days stays flat (linear in the days). The version is created
// half-way, so both samples have half the days. Prints medians and ratios; it never passes or fails.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include <QCoreApplication>
#include <QJsonObject>
#include <QTimeZone>

#include "analytics/AnalyticsBuilder.h"

using namespace strata;

namespace {

struct Input
{
    StrategyRecord strategy;
    QList<StrategyVersionRecord> versions;
    QList<PerformancePeriod> periods;
    ReturnSeries benchmark;
};

/// `days` daily rows from 1990-01-01 (every calendar day, as the demo writes them) and a benchmark on the
/// same days; the version is created on the middle day; every fifth row says its mode in test_parameters.
Input makeInput(int days, unsigned seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> market(0.0003, 0.01);
    std::normal_distribution<double> noise(0.0002, 0.008);
    Input in;
    const QDate first(1990, 1, 1);
    in.strategy.strategyId = QStringLiteral("BENCH-0001");
    in.strategy.version = QStringLiteral("2.0");
    in.strategy.createdAt = QDateTime(first, QTime(9, 0), QTimeZone::utc());
    StrategyVersionRecord v;
    v.strategyId = in.strategy.strategyId;
    v.version = in.strategy.version;
    v.createdAt = QDateTime(first.addDays(days / 2), QTime(14, 10), QTimeZone::utc());
    in.versions << v;
    in.benchmark.label = QStringLiteral("benchmark");
    in.periods.reserve(days);
    for (int d = 0; d < days; ++d) {
        const double m = market(random);
        const double r = 0.6 * m + noise(random);
        PerformancePeriod p;
        p.id = d + 1;
        p.strategyId = in.strategy.strategyId;
        p.version = in.strategy.version;
        p.periodStart = QDateTime(first.addDays(d), QTime(0, 0), QTimeZone::utc());
        p.periodEnd = QDateTime(first.addDays(d), QTime(23, 59, 59), QTimeZone::utc());
        p.periodType = QStringLiteral("daily");
        p.totalReturnPct = r * 100;
        p.totalReturn = r;
        p.totalTrades = 3;
        p.winningTrades = r > 0 ? 2 : 1;
        if (d % 5 == 0)
            p.testParameters.value = QJsonObject{
                {QStringLiteral("mode"), d < days / 2 ? QStringLiteral("backtest") : QStringLiteral("live")}};
        in.periods << p;
        in.benchmark.day << first.addDays(d);
        in.benchmark.ret << m;
    }
    return in;
}

double medianMs(int runs, double& checksum, const Input& in)
{
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(runs));
    BenchmarkChoice choice;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const StrategyAnalytics a =
            AnalyticsBuilder::build(in.strategy, in.versions, in.periods, choice, in.benchmark);
        const auto stop = std::chrono::steady_clock::now();
        checksum += a.metrics.size() + a.split.outOfSample.size() + a.volMatchedCumulativeByDay.value(0);
        ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    double checksum = 0;
    std::printf("analytics_build_bench: AnalyticsBuilder::build, %d runs each, median\n", runs);
    std::printf("%8s %8s %10s %18s\n", "years", "days", "median ms", "ms per 1,000 days");
    double perThousandOneYear = 0;
    for (const int years : {1, 10, 20, 40}) {
        const int days = 252 * years;
        const Input in = makeInput(days, 7u + static_cast<unsigned>(years));
        const double ms = medianMs(runs, checksum, in);
        const double perThousand = ms / (days / 1000.0);
        if (years == 1)
            perThousandOneYear = perThousand;
        std::printf("%8d %8d %10.3f %18.3f  (x%.2f of 1 year's)\n", years, days, ms, perThousand,
                    perThousand / perThousandOneYear);
    }
    std::printf("(checksum %.6g)\n", checksum);
    return 0;
}
