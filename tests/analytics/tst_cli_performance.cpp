// `strata-cli strategies performance ID --json` on both engines, the real binary on the demo's history: the
// metric table with every MetricDefinition key and its columns, the samples block, the benchmark block, the
// keys scripts already read kept; --benchmark csv:PATH measured against a file; a bad spec exits 2.

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "CliProcess.h"
#include "StrategyTestData.h"
#include "analytics/MetricDefinition.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyStore.h"

using namespace strata;
using namespace strata::test;

namespace {

QString describe(const CliProcess::Outcome& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(run.out.left(2000), run.err.left(2000));
}

} // namespace

class TestCliPerformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void performanceJson_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    void performanceJson()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        StrategyDemo::Options options;
        options.count = 10;
        options.days = 200;
        options.seed = 5;
        auto filled = StrategyDemo::fill(*d.db, options);
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toText()));
        auto registry = StrategyStore(*d.db).registry();
        QVERIFY(registry);
        QString child;
        for (const StrategyRecord& s : *registry)
            if (!s.parentId.isEmpty())
                child = s.strategyId;
        QVERIFY(!child.isEmpty());
        const auto run = [&](const QStringList& more) {
            return CliProcess::run(QStringList{QStringLiteral("--db"), d.url, QStringLiteral("--json"),
                                               QStringLiteral("strategies"), QStringLiteral("performance"),
                                               child} +
                                   more);
        };

        const auto perf = run({});
        QVERIFY2(perf.exitCode == 0, qPrintable(describe(perf)));
        const QJsonObject doc = perf.json();
        // What was there before stays.
        for (const QString& key :
             {QStringLiteral("summary"), QStringLiteral("series"), QStringLiteral("monthly_returns"),
              QStringLiteral("regimes"), QStringLiteral("versions"), QStringLiteral("strategy"),
              QStringLiteral("problems")})
            QVERIFY2(doc.contains(key), qPrintable(key));
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), true);

        // The metric table: every metric by its key, one value per column.
        const QJsonObject metrics = doc.value(QStringLiteral("metrics")).toObject();
        const QJsonArray columns = metrics.value(QStringLiteral("columns")).toArray();
        QVERIFY2(columns.size() >= 2, qPrintable(describe(perf)));
        QCOMPARE(columns.at(0).toString(), QStringLiteral("Strategy"));
        QCOMPARE(columns.at(1).toString(), QStringLiteral("Benchmark")); // the parent
        QSet<QString> keys;
        for (const auto& row : metrics.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject r = row.toObject();
            keys.insert(r.value(QStringLiteral("key")).toString());
            QCOMPARE(r.value(QStringLiteral("values")).toArray().size(), columns.size());
            for (const QString& field :
                 {QStringLiteral("label"), QStringLiteral("section"), QStringLiteral("unit")})
                QVERIFY2(!r.value(field).toString().isEmpty(), qPrintable(field));
        }
        for (const MetricDefinition& m : MetricDefinition::all())
            QVERIFY2(keys.contains(m.key), qPrintable(m.key));
        QCOMPARE(keys.size(), MetricDefinition::all().size());

        // The samples block.
        const QJsonObject samples = doc.value(QStringLiteral("samples")).toObject();
        for (const QString& key :
             {QStringLiteral("boundary"), QStringLiteral("why"), QStringLiteral("verdict"),
              QStringLiteral("held_up"), QStringLiteral("in_sample"), QStringLiteral("out_of_sample")})
            QVERIFY2(samples.contains(key), qPrintable(key));
        const int inDays =
            samples.value(QStringLiteral("in_sample")).toObject().value(QStringLiteral("days")).toInt();
        const int outDays =
            samples.value(QStringLiteral("out_of_sample")).toObject().value(QStringLiteral("days")).toInt();
        QCOMPARE(inDays + outDays, options.days);
        if (inDays > 0 && outDays > 0)
            QVERIFY(samples.value(QStringLiteral("verdict")).toString().contains(QStringLiteral("Sharpe")));
        const QJsonObject benchmark = doc.value(QStringLiteral("benchmark")).toObject();
        QCOMPARE(benchmark.value(QStringLiteral("spec")).toString(), QStringLiteral("parent"));
        QCOMPARE(benchmark.value(QStringLiteral("cumulative")).toArray().size(), options.days);
        for (const QString& key : {QStringLiteral("drawdown_periods"), QStringLiteral("yearly_returns"),
                                   QStringLiteral("distribution"), QStringLiteral("rolling")})
            QVERIFY2(doc.contains(key), qPrintable(key));
        QCOMPARE(
            doc.value(QStringLiteral("rolling")).toObject().value(QStringLiteral("beta_6m")).toArray().size(),
            options.days);

        // Against a CSV of prices on the demo's days: 100, then up 0.1 % a day.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("index.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("date,close\n");
            const QDate last = options.lastDay;
            double price = 100;
            for (int i = options.days; i >= 0; --i) {
                f.write(last.addDays(-i).toString(Qt::ISODate).toLatin1() + "," +
                        QByteArray::number(price, 'g', 17) + "\n");
                price *= 1.001;
            }
        }
        const auto csv = run({QStringLiteral("--benchmark"), QStringLiteral("csv:") + path});
        QVERIFY2(csv.exitCode == 0, qPrintable(describe(csv)));
        const QJsonObject against = csv.json().value(QStringLiteral("benchmark")).toObject();
        QCOMPARE(against.value(QStringLiteral("spec")).toString(), QStringLiteral("csv:") + path);
        QCOMPARE(against.value(QStringLiteral("days")).toInt(), options.days);
        QVERIFY2(against.value(QStringLiteral("note")).toString().contains(QStringLiteral("prices")),
                 qPrintable(against.value(QStringLiteral("note")).toString()));
        // Each benchmark day is up 0.1 %: its cumulative return on the last day is 1.001^200 - 1 = 0.221239.
        const double cumulative = against.value(QStringLiteral("cumulative")).toArray().last().toDouble();
        QVERIFY2(std::abs(cumulative - (std::pow(1.001, 200) - 1)) < 1e-9,
                 qPrintable(QString::number(cumulative)));

        // The text report has the new parts.
        const auto text = CliProcess::run({QStringLiteral("--db"), d.url, QStringLiteral("strategies"),
                                           QStringLiteral("performance"), child});
        QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
        for (const QString& part :
             {QStringLiteral("Benchmark: parent"), QStringLiteral("Metrics"),
              QStringLiteral("Yearly returns"), QStringLiteral("In sample / out of sample")})
            QVERIFY2(text.out.contains(part), qPrintable(part + "\n" + text.out));

        // Bad specs and missing benchmarks: exit 2, saying what is wrong.
        for (const auto& [spec, says] : QList<std::pair<QString, QString>>{
                 {QStringLiteral("bogus:thing"), QStringLiteral("bogus")},
                 {QStringLiteral("column:nodot"), QStringLiteral("TABLE.COLUMN")},
                 {QStringLiteral("column:no_such_table.close"), QStringLiteral("no_such_table")},
                 {QStringLiteral("csv:") + dir.filePath(QStringLiteral("missing.csv")),
                  QStringLiteral("missing.csv")},
                 {QStringLiteral("strategy:GHOST-0001"), QStringLiteral("GHOST-0001")}}) {
            const auto bad = run({QStringLiteral("--benchmark"), spec});
            QVERIFY2(bad.exitCode == 2, qPrintable(spec + "\n" + describe(bad)));
            QVERIFY2(bad.err.contains(says), qPrintable(spec + "\n" + describe(bad)));
            QCOMPARE(bad.json().value(QStringLiteral("ok")).toBool(true), false);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliPerformance)
#include "tst_cli_performance.moc"
