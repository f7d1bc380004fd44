// Drawdown periods (QuantStats' drawdown_details) of the hand-computed series and of a few tiny series,
// against periods worked out by hand.

#include <QTest>

#include "HandComputedSeries.h"
#include "analytics/DrawdownPeriod.h"
#include "analytics/ReturnSeries.h"

using namespace strata;

namespace {

ReturnSeries series(const QList<QDate>& days, const QList<double>& returns)
{
    ReturnSeries s;
    s.day = days;
    s.ret = returns;
    return s;
}

void expectPeriod(const DrawdownPeriod& p, const QDate& start, const QDate& valley, const QDate& end,
                  double depth, int days)
{
    QCOMPARE(p.start, start);
    QCOMPARE(p.valley, valley);
    QCOMPARE(p.end, end);
    QCOMPARE(p.recovered(), end.isValid());
    QVERIFY2(
        std::fabs(p.depth - depth) <= 1e-9 * std::fabs(depth),
        qPrintable(QStringLiteral("depth %1, expected %2").arg(p.depth, 0, 'g', 17).arg(depth, 0, 'g', 17)));
    QCOMPARE(p.days, days);
}

} // namespace

class TestDrawdownPeriods : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strategyPeriods();
    void benchmarkStartsUnderWater();
    void worstAreDeepestFirst();
    void noDrawdown();
    void neverRecovers();
};

void TestDrawdownPeriods::strategyPeriods()
{
    // Equity 1.02, 1.0098 (12-30, 1.0098/1.02 - 1 = -1 %), 1.040094 (12-31, new peak: recovered);
    // 01-02 1.01929212 (-2 %), 01-05 1.00909920 (-2.98 % = .99 x .98 - 1), 01-06 flat, 01-07 1.04946317
    // (new peak: recovered); 01-08, 01-09 peaks at 1.07055738; 01-30 -3 %, 02-02 .97 x .99 - 1 = -3.97 %,
    // 02-03 .9603 x 1.02 - 1 = -2.0494 %, 02-04 .979506 x .98 - 1 = -4.008412 %: not recovered.
    // Days: calendar days from the start to the last day under water, both counted: 12-30..12-30 = 1,
    // 01-02..01-06 = 5, 01-30..02-04 = 6.
    const QList<DrawdownPeriod> periods = DrawdownPeriod::all(handcomputed::strategySeries());
    QCOMPARE(periods.size(), 3);
    expectPeriod(periods.at(0), QDate(2025, 12, 30), QDate(2025, 12, 30), QDate(2025, 12, 31), -0.01, 1);
    expectPeriod(periods.at(1), QDate(2026, 1, 2), QDate(2026, 1, 5), QDate(2026, 1, 7), -0.0298, 5);
    expectPeriod(periods.at(2), QDate(2026, 1, 30), QDate(2026, 2, 4), QDate(), -0.04008412, 6);
}

void TestDrawdownPeriods::benchmarkStartsUnderWater()
{
    // The running peak starts at 1, so the first day's -1 % is a drawdown from 12-29: 12-30 .99 x 1.01 =
    // .9999 is still below 1, 12-31 1.019898 recovers (2 days). 01-02 -1 % (1.0097 / 1.019898), flat 01-05,
    // 01-06 1.019797 still .0001 % below, 01-07 recovers (5 days, valley the first day of the lowest
    // value, 01-02). 01-08 -3 % from the 01-07 peak 1.04019, 01-30 .97 x 1.01 x .99 - 1 = -3.0097 %, never
    // recovered: 01-08..02-04 = 28 days.
    const QList<DrawdownPeriod> periods = DrawdownPeriod::all(handcomputed::benchmarkSeries());
    QCOMPARE(periods.size(), 3);
    expectPeriod(periods.at(0), QDate(2025, 12, 29), QDate(2025, 12, 29), QDate(2025, 12, 31), -0.01, 2);
    expectPeriod(periods.at(1), QDate(2026, 1, 2), QDate(2026, 1, 2), QDate(2026, 1, 7), -0.01, 5);
    expectPeriod(periods.at(2), QDate(2026, 1, 8), QDate(2026, 1, 30), QDate(), -0.030097, 28);
}

void TestDrawdownPeriods::worstAreDeepestFirst()
{
    const ReturnSeries s = handcomputed::strategySeries();
    const QList<DrawdownPeriod> two = DrawdownPeriod::worst(s, 2);
    QCOMPARE(two.size(), 2);
    QCOMPARE(two.at(0).start, QDate(2026, 1, 30)); // -4.008 %
    QCOMPARE(two.at(1).start, QDate(2026, 1, 2));  // -2.98 %
    QCOMPARE(DrawdownPeriod::worst(s).size(), 3);  // ten asked, three there
    QCOMPARE(DrawdownPeriod::worst(s, 0).size(), 0);
    // Two equally deep (-1 %): the earlier first.
    const QList<DrawdownPeriod> bench = DrawdownPeriod::worst(handcomputed::benchmarkSeries(), 3);
    QCOMPARE(bench.at(0).start, QDate(2026, 1, 8));
    QCOMPARE(bench.at(1).start, QDate(2025, 12, 29));
    QCOMPARE(bench.at(2).start, QDate(2026, 1, 2));
}

void TestDrawdownPeriods::noDrawdown()
{
    QVERIFY(DrawdownPeriod::all(ReturnSeries{}).isEmpty());
    QVERIFY(DrawdownPeriod::worst(ReturnSeries{}).isEmpty());
    // Flat, then only up: never below the peak.
    const ReturnSeries up =
        series({QDate(2026, 3, 2), QDate(2026, 3, 3), QDate(2026, 3, 4)}, {0.0, 0.01, 0.02});
    QVERIFY(DrawdownPeriod::all(up).isEmpty());
}

void TestDrawdownPeriods::neverRecovers()
{
    // Under water from the first day to the last, across a weekend: Fri 03-06 -2 %, Mon 03-09 +1 %
    // (.98 x 1.01 = .9898), Tue 03-10 -1 % (.979902): one period, valley the last day,
    // 1 - .979902 = 2.0098 %, 03-06..03-10 = 5 calendar days.
    const ReturnSeries down =
        series({QDate(2026, 3, 6), QDate(2026, 3, 9), QDate(2026, 3, 10)}, {-0.02, 0.01, -0.01});
    const QList<DrawdownPeriod> periods = DrawdownPeriod::all(down);
    QCOMPARE(periods.size(), 1);
    expectPeriod(periods.at(0), QDate(2026, 3, 6), QDate(2026, 3, 10), QDate(), -0.020098, 5);
}

QTEST_GUILESS_MAIN(TestDrawdownPeriods)
#include "tst_drawdown_periods.moc"
