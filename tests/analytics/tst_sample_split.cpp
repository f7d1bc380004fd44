// In sample and out of sample on the demo's history, on both engines: the boundary is the created_at of the
// version the performance rows belong to, each side holds the rows a COUNT(*) with that boundary finds (and
// the demo's test_parameters say the same), a row's test_parameters mode overrides its date, a strategy
// whose version has no strategy_versions row falls back on strategy_registry.created_at, and the verdict
// names both Sharpe ratios.

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
        QCOMPARE(split.heldUp, sharpeOut > 0 && sharpeOut >= 0.5 * sharpeIn);
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
