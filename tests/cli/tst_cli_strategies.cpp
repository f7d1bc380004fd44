// `strata-cli demo strategies` and `strata-cli strategies lineage | performance`: the real binary on both
// engines, the JSON shapes scripts rely on, and the exit codes of bad input.

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

const QString kSet = QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy");

CliProcess::Outcome strataOn(const TestDatabase& db, const QStringList& command)
{
    return CliProcess::run(QStringList{QStringLiteral("--db"), db.url()} + command);
}

} // namespace

class TestCliStrategies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void demoLineageAndPerformance()
    {
        QFETCH_GLOBAL(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        const auto migrated = CliProcess::run(
            cliArgs(db.url(), kSet,
                    {QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));

        const auto demo =
            strataOn(db, {QStringLiteral("--json"), QStringLiteral("demo"), QStringLiteral("strategies"),
                          QStringLiteral("--count"), QStringLiteral("15"), QStringLiteral("--days"),
                          QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("9")});
        QVERIFY2(demo.exitCode == 0, qPrintable(describe(demo)));
        const QJsonObject filled = demo.json();
        QCOMPARE(filled.value(QStringLiteral("strategies")).toInt(), 15);
        QCOMPARE(filled.value(QStringLiteral("performance_rows")).toInt(), 15 * 40);
        QVERIFY(filled.value(QStringLiteral("lineage_rows")).toInt() >= 14);

        const auto lineage =
            strataOn(db, {QStringLiteral("--json"), QStringLiteral("strategies"), QStringLiteral("lineage")});
        QVERIFY2(lineage.exitCode == 0, qPrintable(describe(lineage)));
        QString error;
        const auto doc = singleJsonObject(lineage.out, &error);
        QVERIFY2(doc, qPrintable(error));
        QVERIFY(!lineage.err.isEmpty()); // the human report goes to stderr under --json
        const QJsonArray nodes = doc->value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 15);
        for (const QString& key :
             {QStringLiteral("strategy_id"), QStringLiteral("name"), QStringLiteral("version"),
              QStringLiteral("status"), QStringLiteral("status_known"), QStringLiteral("parent_id"),
              QStringLiteral("branch"), QStringLiteral("generation"), QStringLiteral("problems")})
            QVERIFY2(nodes.first().toObject().contains(key), qPrintable(key));
        int roots = 0;
        for (const auto& n : nodes) {
            QVERIFY(n.toObject().value(QStringLiteral("status_known")).toBool());
            roots += n.toObject().value(QStringLiteral("parent_id")).isNull() ? 1 : 0;
        }
        QVERIFY(roots >= 1 && roots < 15);
        const QJsonArray edges = doc->value(QStringLiteral("edges")).toArray();
        QCOMPARE(edges.size(), filled.value(QStringLiteral("lineage_rows")).toInt());
        for (const QString& key :
             {QStringLiteral("ancestor"), QStringLiteral("descendant"), QStringLiteral("relationship_type"),
              QStringLiteral("generation_distance"), QStringLiteral("problems")})
            QVERIFY2(edges.first().toObject().contains(key), qPrintable(key));
        QCOMPARE(doc->value(QStringLiteral("problems")).toArray().size(), 0);

        const QString id = nodes.last().toObject().value(QStringLiteral("strategy_id")).toString();
        const auto perf = strataOn(
            db, {QStringLiteral("--json"), QStringLiteral("strategies"), QStringLiteral("performance"), id});
        QVERIFY2(perf.exitCode == 0, qPrintable(describe(perf)));
        const QJsonObject sheet = perf.json();
        QCOMPARE(sheet.value(QStringLiteral("strategy_id")).toString(), id);
        const QJsonObject summary = sheet.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("periods")).toInt(), 40);
        for (const QString& key :
             {QStringLiteral("total_return"), QStringLiteral("sharpe"), QStringLiteral("max_drawdown"),
              QStringLiteral("win_rate"), QStringLiteral("annualised_volatility")})
            QVERIFY2(summary.value(key).isDouble(), qPrintable(key));
        const QJsonObject series = sheet.value(QStringLiteral("series")).toObject();
        QCOMPARE(series.value(QStringLiteral("time")).toArray().size(), 40);
        QCOMPARE(series.value(QStringLiteral("drawdown")).toArray().size(), 40);
        QVERIFY(series.value(QStringLiteral("rolling_sharpe")).toArray().first().isNull()); // window not full
        QVERIFY(!sheet.value(QStringLiteral("monthly_returns")).toArray().isEmpty());
        QVERIFY(!sheet.value(QStringLiteral("regimes")).toArray().isEmpty());
        QVERIFY(!sheet.value(QStringLiteral("versions")).toArray().isEmpty());
        QCOMPARE(sheet.value(QStringLiteral("problems")).toArray().size(), 0);

        // Without --json: the report on stdout.
        const auto text = strataOn(db, {QStringLiteral("strategies"), QStringLiteral("performance"), id});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("Monthly returns")));

        // An unknown id: exit 2, naming it.
        const auto unknown =
            strataOn(db, {QStringLiteral("--json"), QStringLiteral("strategies"),
                          QStringLiteral("performance"), QStringLiteral("momentum-breakout-9999")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("momentum-breakout-9999")),
                 qPrintable(describe(unknown)));
        QCOMPARE(unknown.json().value(QStringLiteral("ok")).toBool(true), false);

        // A second demo into the filled tables: refused, nothing written.
        const auto again = strataOn(db, {QStringLiteral("demo"), QStringLiteral("strategies"),
                                         QStringLiteral("--count"), QStringLiteral("3")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains(QStringLiteral("already holds 15 strategies")));
    }

    void withoutTheStrategySet()
    {
        QFETCH_GLOBAL(Engine, engine);
        TestDatabase db(engine, Content::Seeded);
        STRATA_REQUIRE_DATABASE(db);
        const QStringList before = stateOf(db.url());
        const auto lineage =
            strataOn(db, {QStringLiteral("--json"), QStringLiteral("strategies"), QStringLiteral("lineage")});
        QCOMPARE(lineage.exitCode, 1);
        QVERIFY2(lineage.err.contains(QStringLiteral("strategy_registry")) &&
                     lineage.err.contains(QStringLiteral("migrations/strategy")),
                 qPrintable(describe(lineage)));
        const auto demo = strataOn(db, {QStringLiteral("demo"), QStringLiteral("strategies")});
        QCOMPARE(demo.exitCode, 2);
        QVERIFY2(demo.err.contains(QStringLiteral("migrate")), qPrintable(describe(demo)));
        QCOMPARE(stateOf(db.url()), before);
    }

    void badUsage()
    {
        QFETCH_GLOBAL(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        for (const QStringList& command :
             {QStringList{QStringLiteral("strategies")},
              QStringList{QStringLiteral("strategies"), QStringLiteral("graph")},
              QStringList{QStringLiteral("strategies"), QStringLiteral("performance")},
              QStringList{QStringLiteral("demo"), QStringLiteral("strategies"), QStringLiteral("--count"),
                          QStringLiteral("0")},
              QStringList{QStringLiteral("demo"), QStringLiteral("strategies"), QStringLiteral("--days"),
                          QStringLiteral("x")}}) {
            const auto run = strataOn(db, command);
            QVERIFY2(run.exitCode == 2, qPrintable(command.join(' ') + "\n" + describe(run)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliStrategies)
#include "tst_cli_strategies.moc"
