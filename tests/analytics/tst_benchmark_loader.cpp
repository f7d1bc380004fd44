// Benchmarks an operator names, on both engines: a table's column (prices, and returns in a table and
// column whose names need quoting), CSV files (prices with RFC 4180 quoting, several rows on a day and CRLF
// line ends; returns), and each bad input a clear error naming what is missing: a table, a column, a file, a
// malformed line, an unknown strategy; a root strategy has no parent to measure against, which is no error.
// A column named in another case than the table spells it is read (PostgreSQL matches quoted names exactly).
// The benchmark series is the hand-computed one of HandComputedSeries.h, so its metrics are known by hand.

#include <cmath>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "HandComputedSeries.h"
#include "StrategyTestData.h"
#include "analytics/AnalyticsReader.h"
#include "analytics/BenchmarkLoader.h"
#include "strategy/StrategyStore.h"

using namespace strata;
using namespace strata::test;

namespace {

const QString kRoot = QStringLiteral("HAND-0001");
const QString kChild = QStringLiteral("HAND-0002");

/// The benchmark as prices: 100 on the Friday before the first day, then compounded by each day's return.
QList<std::pair<QDate, double>> prices()
{
    QList<std::pair<QDate, double>> out{{QDate(2025, 12, 26), 100.0}};
    for (const handcomputed::Day& d : handcomputed::days())
        out.append({d.day, out.last().second * (1 + d.benchmark)});
    return out;
}

bool sameReturns(const ReturnSeries& series, QString* why)
{
    const ReturnSeries hand = handcomputed::benchmarkSeries();
    if (series.day != hand.day) {
        *why = QStringLiteral("days %1 to %2 (%3), by hand %4 days")
                   .arg(series.day.value(0).toString(Qt::ISODate),
                        series.day.value(series.size() - 1).toString(Qt::ISODate))
                   .arg(series.size())
                   .arg(hand.size());
        return false;
    }
    for (qsizetype i = 0; i < hand.size(); ++i)
        if (std::abs(series.ret.at(i) - hand.ret.at(i)) > 1e-12) {
            *why = QStringLiteral("%1: %2, by hand %3")
                       .arg(hand.day.at(i).toString(Qt::ISODate))
                       .arg(series.ret.at(i), 0, 'g', 17)
                       .arg(hand.ret.at(i));
            return false;
        }
    return true;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestBenchmarkLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QFETCH(QString, engine);
        m_db = std::make_unique<StrategyDatabase>(engine);
        if (!m_db->error.isEmpty())
            return;
        Database& db = *m_db->db;
        const QDateTime created = utc(QDate(2025, 12, 1), 9, 30);
        QVERIFY(insertStrategy(db, kRoot, QStringLiteral("1.0"), {}, created));
        QVERIFY(insertStrategy(db, kChild, QStringLiteral("2.0"), kRoot, created));
        for (const handcomputed::Day& d : handcomputed::days())
            QVERIFY(insertDay(db, kChild, QStringLiteral("2.0"), d.day, d.strategy));
    }
    void cleanup() { m_db.reset(); }

    void tableColumns_data() { engines(); }
    void tableColumns()
    {
        STRATA_REQUIRE_STRATEGY_DB(*m_db);
        Database& db = *m_db->db;
        const bool pg = db.dialect() == Dialect::Postgres;
        // Prices in index_prices(day, close), with a row without a value (skipped, and said so).
        QVERIFY(db.execute(pg ? QStringLiteral("CREATE TABLE index_prices (day DATE, close DOUBLE PRECISION)")
                              : QStringLiteral("CREATE TABLE index_prices (day TEXT, close REAL)")));
        for (const auto& [day, price] : prices())
            QVERIFY(db.execute(QStringLiteral("INSERT INTO index_prices (day, close) VALUES (?, ?)"),
                               {day.toString(Qt::ISODate), price}));
        QVERIFY(
            db.execute(QStringLiteral("INSERT INTO index_prices (day, close) VALUES ('2026-01-12', NULL)")));
        auto strategy = StrategyStore(db).strategy(kChild);
        QVERIFY(strategy && *strategy);
        auto choice = BenchmarkChoice::parse(QStringLiteral("column:index_prices.close@day"));
        QVERIFY(choice);
        auto loaded = BenchmarkLoader(db).load(**strategy, *choice);
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toText()));
        QString why;
        QVERIFY2(sameReturns(loaded->series, &why), qPrintable(why));
        QVERIFY2(loaded->note.contains(QStringLiteral("read as prices")) &&
                     loaded->note.contains(QStringLiteral("1 row without a number in close skipped")),
                 qPrintable(loaded->note));
        // Shown in the tearsheet and by strata-cli alike: it says how to read them as returns in both.
        QVERIFY2(loaded->note.contains(QStringLiteral("end the benchmark with :returns, in the tearsheet's "
                                                      "Benchmark chooser as after strata-cli's --benchmark")),
                 qPrintable(loaded->note));

        // Through the reader: the benchmark column's Sharpe is the hand value, 1.66907549
        // (HandComputedSeries.h), and the strategy's beta against it 0.64371257.
        auto a = AnalyticsReader(db).read(kChild, *choice);
        QVERIFY2(a, a ? "" : qPrintable(a.error().toText()));
        QCOMPARE(a->metrics.size(), 2);
        QVERIFY(std::abs(a->metrics.at(1).value(QStringLiteral("sharpe")) - 1.6690754894269475) < 1e-9);
        QVERIFY(std::abs(a->metrics.at(0).value(QStringLiteral("beta")) - 0.6437125748502992) < 1e-9);

        // Returns in a table and columns whose names need quoting on both engines.
        QVERIFY(db.execute(
            pg ? QStringLiteral("CREATE TABLE \"Desk Returns\" (\"Day\" TEXT, \"Ret\" DOUBLE PRECISION)")
               : QStringLiteral("CREATE TABLE \"Desk Returns\" (\"Day\" TEXT, \"Ret\" REAL)")));
        for (const handcomputed::Day& d : handcomputed::days())
            QVERIFY(
                db.execute(QStringLiteral("INSERT INTO \"Desk Returns\" (\"Day\", \"Ret\") VALUES (?, ?)"),
                           {d.day.toString(Qt::ISODate) + QStringLiteral("T16:00:00Z"), d.benchmark}));
        auto quoted = BenchmarkChoice::parse(QStringLiteral("column:Desk Returns.Ret@Day"));
        QVERIFY(quoted);
        auto returns = BenchmarkLoader(db).load(**strategy, *quoted);
        QVERIFY2(returns, returns ? "" : qPrintable(returns.error().toText()));
        QVERIFY2(sameReturns(returns->series, &why), qPrintable(why));
        QVERIFY2(returns->note.contains(QStringLiteral("read as returns")), qPrintable(returns->note));

        // A missing table names it; a missing column names it and lists the table's columns.
        auto noTable =
            BenchmarkLoader(db).load(**strategy, *BenchmarkChoice::parse(QStringLiteral("column:spx.close")));
        QVERIFY(!noTable);
        QCOMPARE(noTable.error().code, ExitCode::BadInput);
        QVERIFY2(noTable.error().what.contains(QStringLiteral("\"spx\"")) &&
                     noTable.error().next.contains(QStringLiteral("index_prices")),
                 qPrintable(noTable.error().toText()));
        auto noColumn = BenchmarkLoader(db).load(
            **strategy, *BenchmarkChoice::parse(QStringLiteral("column:index_prices.adj_close@day")));
        QVERIFY(!noColumn);
        QCOMPARE(noColumn.error().code, ExitCode::BadInput);
        QVERIFY2(noColumn.error().what.contains(QStringLiteral("\"adj_close\"")) &&
                     noColumn.error().next.contains(QStringLiteral("close, day")),
                 qPrintable(noColumn.error().toText()));
        // Its example names columns that are there, not the mistyped one, for the tearsheet and strata-cli.
        QVERIFY2(
            noColumn.error().next.contains(QStringLiteral("e.g. index_prices.close@day")) &&
                noColumn.error().next.contains(QStringLiteral("Benchmark chooser")) &&
                noColumn.error().next.contains(QStringLiteral("--benchmark column:index_prices.close@day")) &&
                !noColumn.error().next.contains(QStringLiteral("adj_close")),
            qPrintable(noColumn.error().toText()));
        auto noDate = BenchmarkLoader(db).load(
            **strategy, *BenchmarkChoice::parse(QStringLiteral("column:index_prices.close")));
        QVERIFY(!noDate);
        QVERIFY2(noDate.error().what.contains(QStringLiteral("no column \"date\"")),
                 qPrintable(noDate.error().toText()));
    }

    void columnNamesInAnotherCase_data() { engines(); }
    void columnNamesInAnotherCase()
    {
        STRATA_REQUIRE_STRATEGY_DB(*m_db);
        Database& db = *m_db->db;
        const bool pg = db.dialect() == Dialect::Postgres;
        auto strategy = StrategyStore(db).strategy(kChild);
        QVERIFY(strategy && *strategy);
        // index_prices(day, close) as PostgreSQL folds unquoted names, and desk_prices("Day", "Close")
        // quoted: each named in the other case. PostgreSQL matches a quoted name only as the table spells it,
        // so the loader quotes the name the table has, not the one typed.
        for (const QString& table : {QStringLiteral("index_prices"), QStringLiteral("desk_prices")}) {
            const bool upper = table == QStringLiteral("desk_prices");
            const QString day = upper ? QStringLiteral("\"Day\"") : QStringLiteral("day");
            const QString close = upper ? QStringLiteral("\"Close\"") : QStringLiteral("close");
            QVERIFY(db.execute(QStringLiteral("CREATE TABLE %1 (%2 TEXT, %3 %4)")
                                   .arg(table, day, close,
                                        pg ? QStringLiteral("DOUBLE PRECISION") : QStringLiteral("REAL"))));
            for (const auto& [d, price] : prices())
                QVERIFY(
                    db.execute(QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (?, ?)").arg(table, day, close),
                               {d.toString(Qt::ISODate), price}));
            const QString spec = upper ? QStringLiteral("column:desk_prices.close@day")
                                       : QStringLiteral("column:index_prices.Close@DAY");
            auto loaded = BenchmarkLoader(db).load(**strategy, *BenchmarkChoice::parse(spec));
            QVERIFY2(loaded, loaded ? "" : qPrintable(spec + ": " + loaded.error().toText()));
            QString why;
            QVERIFY2(sameReturns(loaded->series, &why), qPrintable(spec + ": " + why));
        }
    }

    void csvFiles_data() { engines(); }
    void csvFiles()
    {
        STRATA_REQUIRE_STRATEGY_DB(*m_db);
        Database& db = *m_db->db;
        auto strategy = StrategyStore(db).strategy(kChild);
        QVERIFY(strategy && *strategy);
        QTemporaryDir dir;

        // Prices with quoted fields (a comma and a doubled quote inside), CRLF line ends, a blank line, and
        // 2026-01-07 twice: the later row (the right price) stands over the first (999).
        QByteArray csv = "Date,Name,Close\r\n";
        for (const auto& [day, price] : prices()) {
            if (day == QDate(2026, 1, 7))
                csv += "2026-01-07,\"S&P 500, \"\"cash\"\"\",999\r\n\r\n";
            csv += day.toString(Qt::ISODate).toLatin1() + ",\"S&P 500, \"\"cash\"\"\"," +
                   QByteArray::number(price, 'g', 17) + "\r\n";
        }
        const QString pricesPath = dir.filePath(QStringLiteral("spx.csv"));
        writeFile(pricesPath, csv);
        auto loaded = BenchmarkLoader(db).load(**strategy,
                                               *BenchmarkChoice::parse(QStringLiteral("csv:") + pricesPath));
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toText()));
        QString why;
        QVERIFY2(sameReturns(loaded->series, &why), qPrintable(why));
        QVERIFY2(loaded->note.contains(QStringLiteral("column Close read as prices")) &&
                     loaded->note.contains(QStringLiteral("1 day had several values")),
                 qPrintable(loaded->note));

        // Returns under headers the loader does not know, dates as date-times: the first two columns, and
        // the guess (values at or below 0) says returns.
        QByteArray returns = "when,pnl\n";
        for (const handcomputed::Day& d : handcomputed::days())
            returns += d.day.toString(Qt::ISODate).toLatin1() + "T21:00:00Z," +
                       QByteArray::number(d.benchmark) + "\n";
        const QString returnsPath = dir.filePath(QStringLiteral("desk.csv"));
        writeFile(returnsPath, returns);
        auto guessed = BenchmarkLoader(db).load(
            **strategy, *BenchmarkChoice::parse(QStringLiteral("csv:") + returnsPath));
        QVERIFY2(guessed, guessed ? "" : qPrintable(guessed.error().toText()));
        QVERIFY2(sameReturns(guessed->series, &why), qPrintable(why));
        QVERIFY2(guessed->note.contains(QStringLiteral("read as returns")), qPrintable(guessed->note));

        // A missing file, a line with a date that is not one, a line short of fields, an unclosed quote.
        auto missing = BenchmarkLoader(db).load(
            **strategy,
            *BenchmarkChoice::parse(QStringLiteral("csv:") + dir.filePath(QStringLiteral("none.csv"))));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ExitCode::BadInput);
        QVERIFY2(missing.error().what.contains(QStringLiteral("none.csv")),
                 qPrintable(missing.error().toText()));
        const QList<std::pair<QByteArray, QString>> malformed = {
            {"date,close\n2026-01-02,100\n2026-01-05,101\n05/01/2026,102\n",
             QStringLiteral("line 4: \"05/01/2026\"")},
            {"date,close\n2026-01-02,100\n2026-01-05\n",
             QStringLiteral("line 3: 1 field where the header has 2")},
            {"date,close\n2026-01-02,100\n2026-01-05,1O1\n",
             QStringLiteral("line 3: \"1O1\" in column close is not a number")},
            {"date,close\n2026-01-02,100\n\"2026-01-05,101\n2026-01-06,102\n",
             QStringLiteral("line 3: a quoted field is never closed")},
        };
        for (const auto& [bytes, expected] : malformed) {
            const QString path = dir.filePath(QStringLiteral("bad.csv"));
            writeFile(path, bytes);
            auto bad =
                BenchmarkLoader(db).load(**strategy, *BenchmarkChoice::parse(QStringLiteral("csv:") + path));
            QVERIFY(!bad);
            QCOMPARE(bad.error().code, ExitCode::BadInput);
            QVERIFY2(bad.error().what.contains(path) && bad.error().what.contains(expected),
                     qPrintable(expected + " / " + bad.error().toText()));
        }
    }

    void strategiesAsBenchmarks_data() { engines(); }
    void strategiesAsBenchmarks()
    {
        STRATA_REQUIRE_STRATEGY_DB(*m_db);
        Database& db = *m_db->db;
        // An unknown strategy: bad input naming it, through the reader too.
        auto unknown =
            AnalyticsReader(db).read(kChild, *BenchmarkChoice::parse(QStringLiteral("strategy:GHOST-0042")));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ExitCode::BadInput);
        QVERIFY2(unknown.error().what.contains(QStringLiteral("GHOST-0042")),
                 qPrintable(unknown.error().toText()));
        // An unknown strategy to analyse.
        auto noSuch = AnalyticsReader(db).read(QStringLiteral("GHOST-0042"));
        QVERIFY(!noSuch);
        QCOMPARE(noSuch.error().code, ExitCode::BadInput);
        // A root strategy: no benchmark, no error, and the note says how to name one.
        auto root = AnalyticsReader(db).read(kRoot);
        QVERIFY2(root, root ? "" : qPrintable(root.error().toText()));
        QVERIFY(root->benchmark.isEmpty());
        QVERIFY2(root->benchmarkNote.contains(QStringLiteral("HAND-0001 is a root strategy")),
                 qPrintable(root->benchmarkNote));
        // The desktop tearsheet shows the note as strata-cli prints it: it says where each names a benchmark.
        QVERIFY2(root->benchmarkNote.contains(QStringLiteral("tearsheet's Benchmark chooser")) &&
                     root->benchmarkNote.contains(QStringLiteral("--benchmark strategy:ID")),
                 qPrintable(root->benchmarkNote));
        // The parent without performance rows: the analytics are drawn, without a benchmark, saying why.
        auto child = AnalyticsReader(db).read(kChild);
        QVERIFY2(child, child ? "" : qPrintable(child.error().toText()));
        QVERIFY(child->benchmark.isEmpty());
        QCOMPARE(child->metrics.size(), 1);
        QVERIFY2(child->benchmarkNote.contains(QStringLiteral("no daily performance rows")),
                 qPrintable(child->benchmarkNote));
        QVERIFY(std::isnan(child->metrics.first().value(QStringLiteral("beta"))));
    }

private:
    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    std::unique_ptr<StrategyDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestBenchmarkLoader)
#include "tst_benchmark_loader.moc"
