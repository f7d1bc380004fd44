// What needs no database: the --benchmark specs, CSV records (RFC 4180), prices turned into returns and the
// guess between them, the return histogram and the verdict sentence, each against values worked out by hand.

#include <cmath>
#include <limits>

#include <QTest>

#include "analytics/BenchmarkChoice.h"
#include "analytics/BenchmarkCsv.h"
#include "analytics/BenchmarkValues.h"
#include "analytics/ReturnHistogram.h"
#include "analytics/SampleSplitter.h"

using namespace strata;

class TestBenchmarkParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specs()
    {
        using K = BenchmarkChoice::Kind;
        using V = BenchmarkChoice::Values;
        auto parent = BenchmarkChoice::parse(QString());
        QVERIFY(parent && parent->kind == K::Parent);
        QCOMPARE(BenchmarkChoice::parse(QStringLiteral("PARENT"))->kind, K::Parent);
        QCOMPARE(BenchmarkChoice::parse(QStringLiteral("none"))->kind, K::None);
        auto strategy = BenchmarkChoice::parse(QStringLiteral("strategy:MOM-0003"));
        QVERIFY(strategy && strategy->kind == K::Strategy);
        QCOMPARE(strategy->strategyId, QStringLiteral("MOM-0003"));
        auto column = BenchmarkChoice::parse(QStringLiteral("column:prices.close"));
        QVERIFY(column && column->kind == K::Column);
        QCOMPARE(column->table, QStringLiteral("prices"));
        QCOMPARE(column->valueColumn, QStringLiteral("close"));
        QCOMPARE(column->dateColumn, QStringLiteral("date"));
        QCOMPARE(column->values, V::Guess);
        auto qualified = BenchmarkChoice::parse(QStringLiteral("column:market.prices.adj_close@day:returns"));
        QVERIFY(qualified);
        QCOMPARE(qualified->table, QStringLiteral("market.prices"));
        QCOMPARE(qualified->valueColumn, QStringLiteral("adj_close"));
        QCOMPARE(qualified->dateColumn, QStringLiteral("day"));
        QCOMPARE(qualified->values, V::Returns);
        auto csv = BenchmarkChoice::parse(QStringLiteral("csv:/data/a:b/spy.csv:prices"));
        QVERIFY(csv && csv->kind == K::CsvFile);
        QCOMPARE(csv->path, QStringLiteral("/data/a:b/spy.csv"));
        QCOMPARE(csv->values, V::Prices);

        // spec() reads back as the same choice; describe() is what the window and the report print.
        for (const QString& spec :
             {QStringLiteral("parent"), QStringLiteral("none"), QStringLiteral("strategy:MOM-0003"),
              QStringLiteral("column:prices.close"),
              QStringLiteral("column:market.prices.adj_close@day:returns"),
              QStringLiteral("csv:/data/a:b/spy.csv:prices")}) {
            auto c = BenchmarkChoice::parse(spec);
            QVERIFY(c);
            QCOMPARE(c->spec(), spec);
        }
        QCOMPARE(column->describe(), QStringLiteral("prices.close"));
        QCOMPARE(csv->describe(), QStringLiteral("spy.csv"));
        QCOMPARE(strategy->describe(), QStringLiteral("the strategy MOM-0003"));

        // Bad specs: bad input with an example of a good one.
        for (const QString& bad :
             {QStringLiteral("strategy:"), QStringLiteral("column:prices"), QStringLiteral("column:.close"),
              QStringLiteral("column:prices."), QStringLiteral("column:prices.close@"),
              QStringLiteral("csv:"), QStringLiteral("csv::prices"), QStringLiteral("index:SPX"),
              QStringLiteral("spy")}) {
            auto c = BenchmarkChoice::parse(bad);
            QVERIFY2(!c, qPrintable(bad));
            QCOMPARE(c.error().code, ExitCode::BadInput);
            QVERIFY2(c.error().what.contains(bad) &&
                         c.error().next.contains(QStringLiteral("--benchmark csv:")),
                     qPrintable(c.error().toText()));
        }
    }

    void csvRecords()
    {
        // A quoted field with a comma, a doubled quote and a line break; CRLF; a blank line; a last line
        // without its line end.
        const QString text =
            QStringLiteral("date,name,close\r\n2026-01-02,\"SPX, "
                           "\"\"cash\"\"\",4742.83\r\n\r\n2026-01-05,\"two\nlines\",4697.24\n"
                           "2026-01-06,plain,4704.81");
        auto records = BenchmarkCsv::records(text, QStringLiteral("spx.csv"));
        QVERIFY(records);
        QCOMPARE(records->size(), 4);
        QCOMPARE(records->at(1).second,
                 (QStringList{QStringLiteral("2026-01-02"), QStringLiteral("SPX, \"cash\""),
                              QStringLiteral("4742.83")}));
        QCOMPARE(records->at(2).first, 4); // after the blank line 3
        QCOMPARE(records->at(2).second.at(1), QStringLiteral("two\nlines"));
        QCOMPARE(records->at(3).first, 6); // the line break inside the quotes counts
        QCOMPARE(records->at(3).second.at(2), QStringLiteral("4704.81"));
        auto open =
            BenchmarkCsv::records(QStringLiteral("date,close\n2026-01-02,\"1\n"), QStringLiteral("x.csv"));
        QVERIFY(!open);
        QVERIFY2(open.error().what.contains(QStringLiteral("x.csv, line 2")),
                 qPrintable(open.error().toText()));
    }

    void pricesAndReturns()
    {
        using V = BenchmarkChoice::Values;
        const QDate d(2026, 1, 5);
        QString note;
        // Prices 100, 110, 99 (and 2026-01-06 twice: 105 then 110, the last stands): returns +10 %, -10 %;
        // the median of 99, 100, 110 is 100, above 1, and every price is above 0: prices.
        auto prices = BenchmarkValues::toReturns(
            {{d.addDays(2), 99}, {d, 100}, {d.addDays(1), 105}, {d.addDays(1), 110}}, V::Guess,
            QStringLiteral("idx"), note);
        QVERIFY(prices);
        QCOMPARE(prices->day, (QList<QDate>{d.addDays(1), d.addDays(2)}));
        QVERIFY(std::abs(prices->ret.at(0) - 0.1) < 1e-15 && std::abs(prices->ret.at(1) + 0.1) < 1e-15);
        QVERIFY2(note.contains(QStringLiteral("read as prices")) &&
                     note.contains(QStringLiteral("median is 100")) &&
                     note.contains(QStringLiteral("1 day had several values")),
                 qPrintable(note));
        // All above 0 but the median 0.02 is not above 1: returns.
        auto returns = BenchmarkValues::toReturns({{d, 0.01}, {d.addDays(1), 0.02}, {d.addDays(2), 0.5}},
                                                  V::Guess, QStringLiteral("idx"), note);
        QVERIFY(returns);
        QCOMPARE(returns->ret, (QList<double>{0.01, 0.02, 0.5}));
        QVERIFY2(note.contains(QStringLiteral("read as returns")) && note.contains(QStringLiteral(":prices")),
                 qPrintable(note));
        // Said to be prices, a price of 0 cannot make a return.
        auto zero =
            BenchmarkValues::toReturns({{d, 10}, {d.addDays(1), 0}}, V::Prices, QStringLiteral("idx"), note);
        QVERIFY(!zero);
        QVERIFY2(zero.error().what.contains(QStringLiteral("2026-01-06")), qPrintable(zero.error().toText()));
        // Days as written: ISO dates and date-times.
        QCOMPARE(BenchmarkValues::dayOf(QStringLiteral("2026-01-05")), d);
        QCOMPARE(BenchmarkValues::dayOf(QStringLiteral("2026-01-05T23:00:00-05:00")), d);
        QCOMPARE(BenchmarkValues::dayOf(QStringLiteral("2026-01-05 16:00:00+00")), d);
        QVERIFY(!BenchmarkValues::dayOf(QStringLiteral("05/01/2026")).isValid());
        QVERIFY(!BenchmarkValues::dayOf(QStringLiteral("2026-01-05x")).isValid());
    }

    void histogramByHand()
    {
        // The hand-computed strategy's 13 returns: min -0.03, max 0.04, quartiles (linear, positions 3 and 9
        // of the sorted list) -0.01 and 0.02, IQR 0.03; Freedman–Diaconis width 2 x 0.03 / 13^(1/3) =
        // 0.02552, 0.07 / 0.02552 = 2.74 -> 3 bins, raised to the least 5: width 0.014. Bins from -0.03:
        // [-.03, -.016) -.03 -.02 -.02; [-.016, -.002) -.01 x 3; [-.002, .012) 0 .01 .01; [.012, .026) .02
        // .02;
        // [.026, .04] .03 .04.
        const QList<double> days = {0.02, -0.01, 0.03,  -0.02, -0.01, 0.00, 0.04,
                                    0.01, 0.01,  -0.03, -0.01, 0.02,  -0.02};
        const auto h = ReturnHistogram::of(days);
        QVERIFY(std::abs(h.from + 0.03) < 1e-15);
        QVERIFY(std::abs(h.width - 0.014) < 1e-15);
        QCOMPARE(h.counts, (QList<int>{3, 3, 3, 2, 2}));
        QVERIFY(std::abs(h.mean - 0.03 / 13) < 1e-15);
        QVERIFY(std::abs(h.stddev - 0.021273554065179202) < 1e-12);
        QVERIFY(std::abs(ReturnHistogram::quantile(days, 0.25) + 0.01) < 1e-15);
        QVERIFY(std::abs(ReturnHistogram::quantile(days, 0.75) - 0.02) < 1e-15);

        // 27 values 0, 0.001, ... 0.025 and 0.11: quartiles at positions 6.5 and 19.5 -> 0.0065 and 0.0195,
        // IQR 0.013; width 2 x 0.013 / 27^(1/3) = 0.0086667; 0.11 / 0.0086667 = 12.69 -> 13 bins of
        // 0.0084615: 0..0.008 (9), 0.009..0.016 (8), 0.017..0.025 (9), nine empty bins, 0.11 in the last.
        QList<double> spread;
        for (int k = 0; k <= 25; ++k)
            spread << k / 1000.0;
        spread << 0.11;
        const auto g = ReturnHistogram::of(spread);
        QCOMPARE(g.counts, (QList<int>{9, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        QVERIFY(std::abs(g.width - 0.11 / 13) < 1e-15);
        QVERIFY(std::abs(g.mean - 0.435 / 27) < 1e-15);
    }

    void histogramLeavesOutWhatIsNotANumber()
    {
        // The 13 hand-computed returns above with a NaN and both infinities among them: the same histogram
        // (from -0.03, width 0.014, counts 3 3 3 2 2), mean 0.03 / 13 and sd 0.0212735541 of the 13 finite
        // values, the same quartiles (-0.01 and 0.02). Before, the NaN reached std::nth_element (undefined)
        // and the infinities made the range infinite.
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        constexpr double inf = std::numeric_limits<double>::infinity();
        const QList<double> days = {nan,  0.02, -0.01, 0.03,  -0.02, -0.01, 0.00, inf,
                                    0.04, 0.01, 0.01,  -0.03, -0.01, 0.02,  -inf, -0.02};
        const auto h = ReturnHistogram::of(days);
        QVERIFY2(std::abs(h.from + 0.03) < 1e-15, qPrintable(QString::number(h.from)));
        QVERIFY2(std::abs(h.width - 0.014) < 1e-15, qPrintable(QString::number(h.width)));
        QCOMPARE(h.counts, (QList<int>{3, 3, 3, 2, 2}));
        QVERIFY2(std::abs(h.mean - 0.03 / 13) < 1e-15, qPrintable(QString::number(h.mean)));
        QVERIFY2(std::abs(h.stddev - 0.021273554065179202) < 1e-12, qPrintable(QString::number(h.stddev)));
        QVERIFY(std::abs(ReturnHistogram::quantile(days, 0.25) + 0.01) < 1e-15);
        QVERIFY(std::abs(ReturnHistogram::quantile(days, 0.75) - 0.02) < 1e-15);
        // Nothing finite: an empty histogram and no quantile.
        const auto none = ReturnHistogram::of({nan, inf});
        QVERIFY(none.counts.isEmpty());
        QVERIFY(std::isnan(ReturnHistogram::quantile({nan, inf}, 0.5)));
    }

    void verdicts()
    {
        MetricColumn in;
        in.values = {{QStringLiteral("sharpe"), 1.84}, {QStringLiteral("cagr"), 0.312}};
        MetricColumn out;
        out.values = {{QStringLiteral("sharpe"), 0.61}, {QStringLiteral("cagr"), 0.084}};
        bool heldUp = true;
        // (0.61 - 1.84) / 1.84 = -66.8 % -> -67 %; 0.61 is under half of 1.84.
        QCOMPARE(SampleSplitter::verdict(in, out, 200, 100, heldUp),
                 QStringLiteral(
                     "Out of sample the Sharpe fell from 1.84 to 0.61 (-67 %) and the CAGR from 31.2 % to "
                     "8.4 % over 200 days in sample, 100 out of sample: it did not hold up (out of sample "
                     "the Sharpe is under half of the in-sample one)."));
        QVERIFY(!heldUp);
        out.values[QStringLiteral("sharpe")] = 1.0; // (1.0 - 1.84) / 1.84 = -45.7 % -> -46 %, above half
        QVERIFY(SampleSplitter::verdict(in, out, 200, 100, heldUp).contains(QStringLiteral("(-46 %)")));
        QVERIFY(heldUp);
        out.values[QStringLiteral("sharpe")] = -0.2;
        in.values[QStringLiteral("sharpe")] = -0.5; // rose, but not above 0; no relative change across signs
        QVERIFY(SampleSplitter::verdict(in, out, 200, 100, heldUp)
                    .contains(QStringLiteral("rose from -0.50 to -0.20 and the CAGR")));
        QVERIFY(!heldUp);
        out.values[QStringLiteral("sharpe")] = -0.76;
        in.values[QStringLiteral("sharpe")] = 0.64; // fell below 0: the two figures, no "-219 %"
        QVERIFY(SampleSplitter::verdict(in, out, 200, 100, heldUp)
                    .contains(QStringLiteral("fell from 0.64 to -0.76 and the CAGR")));
        QVERIFY(!heldUp);
        // 12 days out of sample: both Sharpe ratios, no call.
        in.values[QStringLiteral("sharpe")] = 1.2;
        out.values[QStringLiteral("sharpe")] = 3.4;
        QCOMPARE(SampleSplitter::verdict(in, out, 300, 12, heldUp),
                 QStringLiteral(
                     "The Sharpe is 1.20 in sample and 3.40 out of sample, but 12 days out of sample are "
                     "too few to say whether it held up (300 days in sample, 12 out of sample)."));
        QVERIFY(!heldUp);
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkParsing)
#include "tst_benchmark_parsing.moc"
