// `strata-cli strategies performance ID --json` on both engines, the real binary on the demo's history: the
// metric table with every MetricDefinition key and its columns, the samples block, the benchmark block, the
// keys scripts already read kept; --benchmark csv:PATH measured against a file; a bad spec exits 2. And the
// figures themselves: the hand-computed series of HandComputedSeries.h written as a strategy and its parent,
// every metric of the JSON (strategy and benchmark columns) compared with the value worked out by hand.

#include <cmath>

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "CliProcess.h"
#include "HandComputedSeries.h"
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

/// Equal within a millionth of the value (and 1e-12 absolute, for values near 0).
bool close(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-6 * std::abs(expected) + 1e-12;
}

/// One value of the JSON metric table against its hand value: NaN is null, a day is its ISO date.
QString mismatch(const QJsonValue& value, double expected, const QString& unit)
{
    if (std::isnan(expected))
        return value.isNull() ? QString() : QStringLiteral("null expected");
    if (unit == QStringLiteral("date")) {
        const QString iso = QDate::fromJulianDay(static_cast<qint64>(expected)).toString(Qt::ISODate);
        return value.toString() == iso ? QString() : QStringLiteral("%1 expected").arg(iso);
    }
    if (!value.isDouble())
        return QStringLiteral("a number expected");
    return close(value.toDouble(), expected)
               ? QString()
               : QStringLiteral("%1, by hand %2").arg(value.toDouble(), 0, 'g', 12).arg(expected, 0, 'g', 12);
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

    void handValuesInTheJson_data() { performanceJson_data(); }
    void handValuesInTheJson()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        // The parent holds the benchmark series, the child the strategy series; both versions were created
        // before the first day, so every day is out of sample and the table has two columns.
        const QString parent = QStringLiteral("HAND-0001");
        const QString child = QStringLiteral("HAND-0002");
        const QDateTime created = utc(QDate(2025, 12, 1), 9, 30);
        QVERIFY(insertStrategy(*d.db, parent, QStringLiteral("1.0"), {}, created));
        QVERIFY(insertStrategy(*d.db, child, QStringLiteral("2.0"), parent, created));
        QVERIFY(insertVersion(*d.db, parent, QStringLiteral("1.0"), created));
        QVERIFY(insertVersion(*d.db, child, QStringLiteral("2.0"), created));
        for (const handcomputed::Day& day : handcomputed::days()) {
            QVERIFY(insertDay(*d.db, child, QStringLiteral("2.0"), day.day, day.strategy));
            QVERIFY(insertDay(*d.db, parent, QStringLiteral("1.0"), day.day, day.benchmark));
        }

        const auto run =
            CliProcess::run({QStringLiteral("--db"), d.url, QStringLiteral("--json"),
                             QStringLiteral("strategies"), QStringLiteral("performance"), child});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject metrics = run.json().value(QStringLiteral("metrics")).toObject();
        const QJsonArray columns = metrics.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 2);
        QCOMPARE(columns.at(0).toString(), QStringLiteral("Strategy"));
        QCOMPARE(columns.at(1).toString(), QStringLiteral("Benchmark"));
        QHash<QString, QJsonObject> rows;
        for (const auto& row : metrics.value(QStringLiteral("rows")).toArray())
            rows.insert(row.toObject().value(QStringLiteral("key")).toString(), row.toObject());

        // Every metric, both columns, as the header's comments work them out; a few of them, as a reminder of
        // the arithmetic: cagr 1.0276450260610637^(252/13) - 1 = 0.69658028 (benchmark 0.43680473); sharpe
        // 0.0023076923 / 0.0212735541 x sqrt(252) = 1.72201972 (benchmark 1.66907549); max_drawdown
        // 1.0276450 / 1.0705574 - 1 = -0.04008412 (benchmark -0.030097); beta cov / var(benchmark) =
        // 0.000137820513 / 0.000214102564 = 0.64371257 (none in the benchmark's own column: null).
        int compared = 0;
        for (const handcomputed::ExpectedMetric& m : handcomputed::expectedMetrics()) {
            QVERIFY2(rows.contains(m.key), qPrintable(m.key + " is not in the JSON"));
            const QJsonObject row = rows.value(m.key);
            const QJsonArray values = row.value(QStringLiteral("values")).toArray();
            QCOMPARE(values.size(), 2);
            const QString unit = row.value(QStringLiteral("unit")).toString();
            const QString strategy = mismatch(values.at(0), m.strategy, unit);
            QVERIFY2(strategy.isEmpty(),
                     qPrintable(QStringLiteral("%1 (%2), strategy: %3").arg(m.key, engine, strategy)));
            const QString benchmark = mismatch(values.at(1), m.benchmark, unit);
            QVERIFY2(benchmark.isEmpty(),
                     qPrintable(QStringLiteral("%1 (%2), benchmark: %3").arg(m.key, engine, benchmark)));
            ++compared;
        }
        QCOMPARE(compared, handcomputed::expectedMetrics().size());
        // The ones a reader of the JSON looks at first are among them.
        for (const QString& key :
             {QStringLiteral("cagr"), QStringLiteral("sharpe"), QStringLiteral("sortino"),
              QStringLiteral("max_drawdown"), QStringLiteral("daily_var"), QStringLiteral("win_rate_month"),
              QStringLiteral("beta")})
            QVERIFY2(rows.contains(key), qPrintable(key));
    }
};

QTEST_GUILESS_MAIN(TestCliPerformance)
#include "tst_cli_performance.moc"
