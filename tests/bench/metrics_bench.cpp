// metrics_bench [RUNS] [YEARS]: what the analytics tearsheet computes for one strategy and its benchmark,
// from daily returns in memory (no database): the full metric table of both (MetricCalculator), the ten worst
// drawdowns of both (DrawdownPeriod::worst) and the rolling beta and volatility over 126 and 252 days
// (RollingRisk). Ten years of days (2,520) against the goal of 20 ms, then 1, 10, 20 and 40 years to show the
// cost per 1,000 days stays flat (linear). Prints the medians and ratios; it never passes or fails. With
// YEARS it only times that many years of days (RUNS times), e.g. under a profiler.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "analytics/DrawdownPeriod.h"
#include "analytics/MetricCalculator.h"
#include "analytics/ReturnSeries.h"
#include "analytics/RollingRisk.h"

using namespace strata;

namespace {

constexpr double kGoalMs = 20.0;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Two correlated daily return series on weekdays from 1986-01-01: a strategy (mean 4 bp, sd 1.2 %) that
/// follows its benchmark (mean 3 bp, sd 1 %) with a beta near 0.6, some flat days.
std::pair<ReturnSeries, ReturnSeries> makeSeries(int days, unsigned seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    ReturnSeries strategy, benchmark;
    strategy.label = QStringLiteral("bench strategy");
    benchmark.label = QStringLiteral("bench benchmark");
    for (QDate d(1986, 1, 1); strategy.size() < days; d = d.addDays(1)) {
        if (d.dayOfWeek() > 5)
            continue;
        const double b = 0.0003 + 0.01 * noise(random);
        const double own = 0.0002 + 0.009 * noise(random);
        const double r = strategy.size() % 17 == 0 ? 0.0 : 0.6 * b + own;
        strategy.day.append(d);
        strategy.ret.append(r);
        benchmark.day.append(d);
        benchmark.ret.append(b);
    }
    return {strategy, benchmark};
}

/// Everything the tearsheet's analytics part computes from the two series; returns a checksum so the work
/// cannot be left out by the compiler.
double computeAll(const ReturnSeries& strategy, const ReturnSeries& benchmark)
{
    const MetricColumn s = MetricCalculator::compute(QStringLiteral("Strategy"), strategy, &benchmark);
    const MetricColumn b = MetricCalculator::compute(QStringLiteral("Benchmark"), benchmark);
    const QList<DrawdownPeriod> worstS = DrawdownPeriod::worst(strategy, 10);
    const QList<DrawdownPeriod> worstB = DrawdownPeriod::worst(benchmark, 10);
    const QList<double> aligned = strategy.alignedFrom(benchmark);
    double check = s.value(QStringLiteral("sharpe")) + b.value(QStringLiteral("sharpe"));
    check += worstS.isEmpty() ? 0 : worstS.constFirst().depth;
    check += worstB.isEmpty() ? 0 : worstB.constFirst().depth;
    for (const int window : {126, 252}) {
        check += RollingRisk::beta(strategy.ret, aligned, window).constLast();
        check += RollingRisk::volatility(strategy.ret, window).constLast();
        check += RollingRisk::volatility(aligned, window).constLast();
    }
    return check;
}

template <typename Work> double timeMs(int runs, double& checksum, Work work)
{
    std::vector<double> ms;
    checksum += work(); // warm up
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        checksum += work();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(ms);
}

/// The parts of computeAll() alone, to see which one a change of size moves.
void printParts(const ReturnSeries& strategy, const ReturnSeries& benchmark, int runs, double& checksum)
{
    const double table = timeMs(runs, checksum, [&] {
        return MetricCalculator::compute(QStringLiteral("Strategy"), strategy, &benchmark)
                   .value(QStringLiteral("sharpe")) +
               MetricCalculator::compute(QStringLiteral("Benchmark"), benchmark)
                   .value(QStringLiteral("sharpe"));
    });
    const double drawdowns = timeMs(runs, checksum, [&] {
        return DrawdownPeriod::worst(strategy, 10).size() + DrawdownPeriod::worst(benchmark, 10).size();
    });
    const double rolling = timeMs(runs, checksum, [&] {
        double v = 0;
        for (const int window : {126, 252}) {
            v += RollingRisk::beta(strategy.ret, benchmark.ret, window).constLast();
            v += RollingRisk::volatility(strategy.ret, window).constLast();
            v += RollingRisk::volatility(benchmark.ret, window).constLast();
        }
        return v;
    });
    std::printf("%17s metric table %.3f ms, worst drawdowns %.3f ms, rolling beta and volatility %.3f ms\n",
                "", table, drawdowns, rolling);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 50;
    double checksum = 0;
    if (argc > 2) {
        const int years = std::max(1, atoi(argv[2]));
        const auto [s, b] = makeSeries(252 * years, 18 + years);
        const double ms = timeMs(runs, checksum, [&] { return computeAll(s, b); });
        std::printf("%d years (%d days): %.3f ms, %.3f ms per 1,000 days (checksum %.6g)\n", years,
                    252 * years, ms, ms / (252.0 * years / 1000.0), checksum);
        return 0;
    }

    const auto [strategy, benchmark] = makeSeries(2520, 18);
    const MetricColumn sample = MetricCalculator::compute(QStringLiteral("Strategy"), strategy, &benchmark);
    std::printf("metrics_bench: %d runs each, median; %lld metrics a column; series of %lld days "
                "(sharpe %.2f, beta %.2f, max drawdown %.1f %%)\n",
                runs, static_cast<long long>(sample.values.size()), static_cast<long long>(strategy.size()),
                sample.value(QStringLiteral("sharpe")), sample.value(QStringLiteral("beta")),
                100 * sample.value(QStringLiteral("max_drawdown")));

    const double tenYears = timeMs(runs, checksum, [&] { return computeAll(strategy, benchmark); });
    std::printf("10 years (2,520 days): %.3f ms, goal %.0f ms, ratio to goal %.3f\n", tenYears, kGoalMs,
                tenYears / kGoalMs);

    std::printf("%8s %8s %10s %16s\n", "years", "days", "median ms", "ms per 1,000 days");
    for (const int years : {1, 10, 20, 40}) {
        const auto [s, b] = makeSeries(252 * years, 18 + years);
        const double ms = timeMs(runs, checksum, [&] { return computeAll(s, b); });
        std::printf("%8d %8d %10.3f %16.3f\n", years, 252 * years, ms, ms / (252.0 * years / 1000.0));
        printParts(s, b, runs, checksum);
    }
    std::printf("(checksum %.6g)\n", checksum);
    return 0;
}
