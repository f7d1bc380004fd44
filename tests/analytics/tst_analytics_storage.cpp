// The metric table read back through the database on both engines: the hand-computed series of
// HandComputedSeries.h written as the daily strategy_performance rows of a strategy (the strategy column) and
// of its parent (the benchmark column), read by AnalyticsReader, and every metric of both columns compared
// with the value worked out by hand in that header's comments.

#include <cmath>

#include <QTest>

#include "HandComputedSeries.h"
#include "StrategyTestData.h"
#include "analytics/AnalyticsReader.h"
#include "analytics/MetricDefinition.h"

using namespace strata;
using namespace strata::test;

namespace {

const QString kParent = QStringLiteral("HAND-0001");
const QString kChild = QStringLiteral("HAND-0002");

/// Equal within a millionth of the value (and 1e-12 absolute, for values near 0); NaN equals NaN only.
bool close(double actual, double expected)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= 1e-6 * std::abs(expected) + 1e-12;
}

/// The parent (the benchmark series) and the child (the strategy series), both created before the first day,
/// so every day is out of sample and the table has the strategy and benchmark columns only.
void writeHandSeries(Database& db)
{
    const QDateTime created = utc(QDate(2025, 12, 1), 9, 30);
    QVERIFY(insertStrategy(db, kParent, QStringLiteral("1.0"), {}, created));
    QVERIFY(insertStrategy(db, kChild, QStringLiteral("2.0"), kParent, created));
    QVERIFY(insertVersion(db, kParent, QStringLiteral("1.0"), created));
    QVERIFY(insertVersion(db, kChild, QStringLiteral("2.0"), created));
    for (const handcomputed::Day& d : handcomputed::days()) {
        QVERIFY(insertDay(db, kChild, QStringLiteral("2.0"), d.day, d.strategy));
        QVERIFY(insertDay(db, kParent, QStringLiteral("1.0"), d.day, d.benchmark));
    }
}

} // namespace

class TestAnalyticsStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMetricAgainstTheHandValues_data() { engines(); }
    void everyMetricAgainstTheHandValues()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        writeHandSeries(*d.db);
        if (QTest::currentTestFailed())
            return;

        // The parent by default, and the same series named as a strategy: the same figures.
        for (const QString& spec : {QStringLiteral("parent"), QStringLiteral("strategy:") + kParent}) {
            auto choice = BenchmarkChoice::parse(spec);
            QVERIFY(choice);
            auto read = AnalyticsReader(*d.db).read(kChild, *choice);
            QVERIFY2(read, read ? "" : qPrintable(read.error().toText()));
            const StrategyAnalytics& a = *read;
            QVERIFY2(a.problems.isEmpty(), qPrintable(a.problems.join('\n')));
            QCOMPARE(a.returns.size(), handcomputed::days().size());
            QCOMPARE(a.benchmark.size(), handcomputed::days().size());
            QVERIFY2(a.benchmark.label.contains(kParent), qPrintable(a.benchmark.label));
            QCOMPARE(a.metrics.size(), 2); // every day is out of sample: no in-sample column
            QCOMPARE(a.metrics.at(0).title, QStringLiteral("Strategy"));
            QCOMPARE(a.metrics.at(1).title, QStringLiteral("Benchmark"));

            // Every metric of the table has a hand value, and both columns match it.
            QSet<QString> handKeys;
            for (const handcomputed::ExpectedMetric& m : handcomputed::expectedMetrics())
                handKeys.insert(m.key);
            for (const MetricDefinition& m : MetricDefinition::all())
                QVERIFY2(handKeys.contains(m.key), qPrintable(m.key + " has no hand-computed value"));
            for (const handcomputed::ExpectedMetric& m : handcomputed::expectedMetrics()) {
                const double strategy = a.metrics.at(0).value(m.key);
                const double benchmark = a.metrics.at(1).value(m.key);
                QVERIFY2(close(strategy, m.strategy),
                         qPrintable(QStringLiteral("%1 (%2): strategy %3, by hand %4")
                                        .arg(m.key, engine)
                                        .arg(strategy, 0, 'g', 12)
                                        .arg(m.strategy, 0, 'g', 12)));
                QVERIFY2(close(benchmark, m.benchmark),
                         qPrintable(QStringLiteral("%1 (%2): benchmark %3, by hand %4")
                                        .arg(m.key, engine)
                                        .arg(benchmark, 0, 'g', 12)
                                        .arg(m.benchmark, 0, 'g', 12)));
            }

            // The benchmark's cumulative return by hand: 1.018872229200716 - 1 on the last day; matched to
            // the strategy's volatility each benchmark return is scaled by 0.0212735541 / 0.0146322440 =
            // 1.45388275 before compounding: the first day -0.01 x 1.45388275 = -0.0145388275.
            QCOMPARE(a.benchmarkCumulativeByDay.size(), a.returns.size());
            QVERIFY(close(a.benchmarkCumulativeByDay.last(), 0.018872229200715962));
            QVERIFY(close(a.volMatchedCumulativeByDay.first(),
                          -0.01 * 0.021273554065179202 / 0.014632243987255138));
            // Years: strategy 2025 +4.0094 %, 2026 -1.1969085 %; benchmark 2025 +1.9898 %, 2026 -0.1005758 %.
            QCOMPARE(a.yearly.size(), 2);
            QVERIFY(close(a.yearly.at(0).strategy, 0.040094));
            QVERIFY(close(a.yearly.at(1).strategy, -0.011969085427794512));
            QVERIFY(close(a.yearly.at(0).benchmark, 0.019898));
            QVERIFY(close(a.yearly.at(1).benchmark, -0.0010057582221794092));
            // Months compounded: Dec +0.040094, Jan -0.001589611024, Feb -0.010396.
            QCOMPARE(a.monthlyReturns.size(), 3);
            QVERIFY(close(a.monthlyReturns.at(1), -0.001589611024));
            // The worst drawdown first: 2026-01-30 to 2026-02-04, -4.008412 %, not recovered.
            QVERIFY(!a.worstDrawdowns.isEmpty());
            QCOMPARE(a.worstDrawdowns.first().start, QDate(2026, 1, 30));
            QVERIFY(!a.worstDrawdowns.first().recovered());
        }
    }

private:
    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
};

QTEST_GUILESS_MAIN(TestAnalyticsStorage)
#include "tst_analytics_storage.moc"
