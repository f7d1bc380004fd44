// In sample and out of sample on the demo's history, on both engines: the boundary is the created_at of the
// version the performance rows belong to, each side holds the rows a COUNT(*) with that boundary finds (and
// the demo's test_parameters say the same), a row's test_parameters mode overrides its date, a strategy
// whose version has no strategy_versions row falls back on strategy_registry.created_at, and the verdict
// names both Sharpe ratios. And a split worked out by hand: twenty days before a version's created_at and
// twenty after, the total return and Sharpe of each side and the verdict compared with the arithmetic.

#include <cmath>

#include <QTest>

#include "StrategyTestData.h"
#include "analytics/AnalyticsReader.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyStore.h"

using namespace strata;
using namespace strata::test;

namespace {

qint64 count(Database& db, const QString& sql, const QVariantList& params)
{
    auto rows = db.query(sql, params);
    if (!rows) {
        qWarning("%s", qPrintable(rows.error().toText()));
        return -1;
    }
    return rows->value(0, 0).toLongLong();
}

QString modeOf(Database& db)
{
    return db.dialect() == Dialect::Sqlite ? QStringLiteral("json_extract(test_parameters, '$.mode')")
                                           : QStringLiteral("test_parameters->>'mode'");
}

} // namespace

class TestSampleSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoSplitsOnTheVersionsCreation_data() { engines(); }
    void demoSplitsOnTheVersionsCreation()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        Database& db = *d.db;
        StrategyDemo::Options options;
        options.count = 12;
        options.days = 240;
        options.seed = 11;
        auto filled = StrategyDemo::fill(db, options);
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toText()));

        // The strategy whose history is cut most evenly.
        StrategyStore store(db);
        auto registry = store.registry();
        QVERIFY(registry);
        QString chosen;
        qsizetype best = -1;
        for (const StrategyRecord& s : *registry) {
            auto a = AnalyticsReader(db).read(s.strategyId);
            QVERIFY2(a, a ? "" : qPrintable(a.error().toText()));
            const qsizetype smaller = std::min(a->split.inSample.size(), a->split.outOfSample.size());
            if (smaller > best) {
                best = smaller;
                chosen = s.strategyId;
            }
        }
        QVERIFY2(best >= 30, "the demo has no strategy with a month on each side of its version's creation");

        auto a = AnalyticsReader(db).read(chosen);
        QVERIFY(a);
        const SampleSplit& split = a->split;
        auto versions = store.versions(chosen);
        QVERIFY(versions && !versions->isEmpty());
        const StrategyVersionRecord& current = versions->last();
        QCOMPARE(current.version, a->tearsheet.version);
        // The boundary is the day the version was created, and the first out-of-sample day.
        QCOMPARE(split.boundary, current.createdAt.toUTC().date());
        QCOMPARE(split.outOfSample.day.first(), split.boundary);
        QVERIFY(split.inSample.day.last() < split.boundary);
        QVERIFY2(
            split.boundaryWhy.contains(current.version) &&
                split.boundaryWhy.contains(current.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"))),
            qPrintable(split.boundaryWhy));

        // The row counts on each side, counted by the database with the boundary.
        const QString midnight = isoTime(utc(split.boundary));
        const qint64 before =
            count(db,
                  QStringLiteral("SELECT COUNT(*) FROM strategy_performance WHERE strategy_id = ? "
                                 "AND period_type = 'daily' AND period_end < ?"),
                  {chosen, midnight});
        const qint64 after =
            count(db,
                  QStringLiteral("SELECT COUNT(*) FROM strategy_performance WHERE strategy_id = ? "
                                 "AND period_type = 'daily' AND period_end >= ?"),
                  {chosen, midnight});
        QCOMPARE(split.inSample.size(), before);
        QCOMPARE(split.outOfSample.size(), after);
        QCOMPARE(before + after, qint64(options.days));
        // The demo wrote the same split into test_parameters: backtest before the creation day, live after.
        const QString byMode =
            QStringLiteral("SELECT COUNT(*) FROM strategy_performance WHERE strategy_id = ? AND %1 = ?")
                .arg(modeOf(db));
        QCOMPARE(count(db, byMode, {chosen, QStringLiteral("backtest")}), before);
        QCOMPARE(count(db, byMode, {chosen, QStringLiteral("live")}), after);

        // Both parts have their metric column, and the verdict names both Sharpe ratios.
        QCOMPARE(a->metrics.size(), a->benchmark.isEmpty() ? 3 : 4);
        QCOMPARE(a->metrics.at(a->metrics.size() - 2).title, QStringLiteral("In sample"));
        QCOMPARE(a->metrics.last().title, QStringLiteral("Out of sample"));
        const double sharpeIn = split.inSampleMetrics.value(QStringLiteral("sharpe"));
        const double sharpeOut = split.outOfSampleMetrics.value(QStringLiteral("sharpe"));
        QVERIFY(std::isfinite(sharpeIn) && std::isfinite(sharpeOut));
        QVERIFY2(split.verdict.contains(QString::number(sharpeIn, 'f', 2)) &&
                     split.verdict.contains(QString::number(sharpeOut, 'f', 2)),
                 qPrintable(split.verdict));
        QVERIFY2(split.verdict.contains(split.heldUp ? QStringLiteral("it held up")
                                                     : QStringLiteral("it did not hold up")),
                 qPrintable(split.verdict));

        // A backtest day marked live moves out of sample, a live day marked backtest moves in.
        auto ids =
            db.query(QStringLiteral("SELECT id, period_end FROM strategy_performance WHERE strategy_id = ? "
                                    "ORDER BY period_start"),
                     {chosen});
        QVERIFY(ids && ids->rows.size() == options.days);
        const qint64 backtestRow = ids->value(static_cast<int>(before) - 1, 0).toLongLong();
        const qint64 liveRow = ids->value(static_cast<int>(before) + 1, 0).toLongLong();
        const QDate backtestDay = split.inSample.day.last();
        const QDate liveDay = split.outOfSample.day.at(1);
        QVERIFY(db.execute(
            QStringLiteral("UPDATE strategy_performance SET test_parameters = ? WHERE id = ?"),
            {QStringLiteral("{\"mode\": \"live\", \"data_source\": \"live_fills\"}"), backtestRow}));
        auto moved = AnalyticsReader(db).read(chosen);
        QVERIFY(moved);
        QCOMPARE(moved->split.inSample.size(), before - 1);
        QCOMPARE(moved->split.outOfSample.size(), after + 1);
        QVERIFY(moved->split.outOfSample.day.contains(backtestDay));
        QVERIFY2(moved->split.boundaryWhy.contains(
                     QStringLiteral("1 day placed by its row's test_parameters mode")),
                 qPrintable(moved->split.boundaryWhy));
        QCOMPARE(moved->split.boundary, split.boundary); // the creation day stays the boundary
        QVERIFY(db.execute(QStringLiteral("UPDATE strategy_performance SET test_parameters = ? WHERE id = ?"),
                           {QStringLiteral("{\"mode\": \"backtest\"}"), liveRow}));
        auto both = AnalyticsReader(db).read(chosen);
        QVERIFY(both);
        QCOMPARE(both->split.inSample.size(), before);
        QVERIFY(both->split.inSample.day.contains(liveDay));
        QVERIFY(!both->split.inSample.day.contains(backtestDay));
        QVERIFY2(both->split.boundaryWhy.contains(QStringLiteral("2 days placed")),
                 qPrintable(both->split.boundaryWhy));
    }

    void handComputedSplit_data() { engines(); }
    void handComputedSplit()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        Database& db = *d.db;
        // Forty days from 2026-01-05; version 1.0 created 2026-01-25 09:30 UTC, so the first twenty days
        // (to 2026-01-24) are in sample and 2026-01-25..2026-02-13 out of sample (twenty: enough for a
        // verdict). In sample every strategy alternates +2 % and -1 %:
        //   total return (1.02 x 0.99)^10 - 1 = 1.0098^10 - 1 = 0.10243670297901297
        //   mean 0.1 / 20 = 0.005; each day 0.015 from it, SS = 20 x 0.000225 = 0.0045, sd = sqrt(0.0045 /
        //   19) = 0.015389675281277312; Sharpe 0.005 / 0.0153896753 x sqrt(252) (15.874507866) = 5.1575187833
        // Out of sample:
        //   HELD: the same days again: 0.10243670, Sharpe 5.15751878, not below half: it held up.
        //   HALF: +2 % and -1.5 %: (1.02 x 0.985)^10 - 1 = 1.0047^10 - 1 = 0.048006611813519395; mean 0.0025,
        //         each day 0.0175 from it, SS = 20 x 0.00030625 = 0.006125, sd = sqrt(0.006125 / 19) =
        //         0.017954621161490197, Sharpe 0.0025 / 0.0179546212 x 15.874507866 = 2.210365192839023,
        //         under half of 5.15751878 (2.57875939): it did not hold up.
        //   LOSS: +1 % and -2 %: (1.01 x 0.98)^10 - 1 = 0.9898^10 - 1 = -0.09744329944017915; mean -0.005,
        //         sd 0.0153896753 as in sample, Sharpe -5.157518783291051, not above 0.
        struct Case
        {
            QString id;
            double up;
            double down;
            double total;
            double sharpe;
            QString says;
        };
        const double inTotal = 0.10243670297901297;
        const double inSharpe = 5.157518783291051;
        const QList<Case> cases = {
            {QStringLiteral("HELD-0001"), 0.02, -0.01, inTotal, inSharpe, QStringLiteral(": it held up.")},
            {QStringLiteral("HALF-0001"), 0.02, -0.015, 0.048006611813519395, 2.210365192839023,
             QStringLiteral("under half of the in-sample one")},
            {QStringLiteral("LOSS-0001"), 0.01, -0.02, -0.09744329944017915, -inSharpe,
             QStringLiteral("not above 0")}};
        const QDate first(2026, 1, 5);
        const auto close = [](double actual, double expected) {
            return std::abs(actual - expected) <= 1e-9 * std::abs(expected);
        };
        for (const Case& c : cases) {
            const QDateTime created = utc(first.addDays(20), 9, 30);
            QVERIFY(insertStrategy(db, c.id, QStringLiteral("1.0"), {}, utc(first.addDays(-30))));
            QVERIFY(insertVersion(db, c.id, QStringLiteral("1.0"), created));
            for (int i = 0; i < 40; ++i) {
                const bool upDay = i % 2 == 0;
                const double ret = i < 20 ? (upDay ? 0.02 : -0.01) : (upDay ? c.up : c.down);
                QVERIFY(insertDay(db, c.id, QStringLiteral("1.0"), first.addDays(i), ret));
            }
            auto a = AnalyticsReader(db).read(c.id);
            QVERIFY2(a, a ? "" : qPrintable(a.error().toText()));
            const SampleSplit& split = a->split;
            QCOMPARE(split.boundary, QDate(2026, 1, 25));
            QCOMPARE(split.inSample.size(), 20);
            QCOMPARE(split.outOfSample.size(), 20);
            const auto check = [&](const MetricColumn& column, const QString& key, double expected) {
                const double actual = column.value(key);
                return close(actual, expected) ? QString()
                                               : QStringLiteral("%1 %2 %3: %4, by hand %5")
                                                     .arg(c.id, column.title, key)
                                                     .arg(actual, 0, 'g', 17)
                                                     .arg(expected, 0, 'g', 17);
            };
            for (const QString& wrong :
                 {check(split.inSampleMetrics, QStringLiteral("cumulative_return"), inTotal),
                  check(split.inSampleMetrics, QStringLiteral("sharpe"), inSharpe),
                  check(split.outOfSampleMetrics, QStringLiteral("cumulative_return"), c.total),
                  check(split.outOfSampleMetrics, QStringLiteral("sharpe"), c.sharpe)})
                QVERIFY2(wrong.isEmpty(), qPrintable(wrong + " (" + engine + ")"));
            // The table's in-sample and out-of-sample columns hold the same figures.
            QCOMPARE(a->metrics.size(), 3); // a root: strategy, in sample, out of sample
            QVERIFY(close(a->metrics.at(1).value(QStringLiteral("sharpe")), inSharpe));
            QVERIFY(close(a->metrics.at(2).value(QStringLiteral("sharpe")), c.sharpe));
            QCOMPARE(split.heldUp, c.id == QStringLiteral("HELD-0001"));
            QVERIFY2(split.verdict.contains(c.says) &&
                         split.verdict.contains(QString::number(c.sharpe, 'f', 2)) &&
                         split.verdict.contains(QStringLiteral("5.16")),
                     qPrintable(c.id + ": " + split.verdict));
        }
    }

    void withoutAVersionRowTheRegistrySays_data() { engines(); }
    void withoutAVersionRowTheRegistrySays()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        Database& db = *d.db;
        // Created 2026-01-07 14:10 UTC, no strategy_versions row, no test_parameters: the days before
        // 2026-01-07 (5 of them) are in sample, 2026-01-07 and the 3 days after out of sample.
        QVERIFY(insertStrategy(db, QStringLiteral("REG-0001"), QStringLiteral("1.4"), {},
                               utc(QDate(2026, 1, 7), 14, 10)));
        const QList<double> returns = {0.01, -0.005, 0.012, 0.003, -0.002, 0.001, -0.004, 0.002, -0.001};
        for (int i = 0; i < returns.size(); ++i)
            QVERIFY(insertDay(db, QStringLiteral("REG-0001"), QStringLiteral("1.4"),
                              QDate(2026, 1, 2).addDays(i), returns.at(i)));
        auto a = AnalyticsReader(db).read(QStringLiteral("REG-0001"));
        QVERIFY2(a, a ? "" : qPrintable(a.error().toText()));
        QCOMPARE(a->split.boundary, QDate(2026, 1, 7));
        QCOMPARE(a->split.inSample.size(), 5);
        QCOMPARE(a->split.outOfSample.size(), 4);
        QVERIFY2(a->split.boundaryWhy.contains(QStringLiteral("2026-01-07 14:10 UTC")) &&
                     a->split.boundaryWhy.contains(QStringLiteral("strategy_registry")),
                 qPrintable(a->split.boundaryWhy));
        // A root strategy measured against its parent has none, and says how to name one.
        QVERIFY(a->benchmark.isEmpty());
        QVERIFY2(a->benchmarkNote.contains(QStringLiteral("REG-0001 is a root strategy")) &&
                     a->benchmarkNote.contains(QStringLiteral("--benchmark")),
                 qPrintable(a->benchmarkNote));
    }

private:
    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
};

QTEST_GUILESS_MAIN(TestSampleSplit)
#include "tst_sample_split.moc"
