// The family view counts a member's daily rows as its tearsheet does: rows written by hand that the
// tearsheet skips (a second row for a period, times that are not times or end before they start, a return
// that is not a number) are skipped by the family's ordered pass too, "daily" is read in any case, and the
// member's figures equal TearsheetBuilder's on the same rows, on both engines.

#include <cmath>
#include <limits>

#include <QTest>
#include <QtEndian>

#include "FamilyRows.h"
#include "StrategyDatabase.h"
#include "analytics/FamilyReader.h"
#include "analytics/FamilyRowTime.h"
#include "strategy/StrategyRowDecoder.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetBuilder.h"

using namespace strata;
using namespace strata::test;

namespace {

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

#define CHECK_NEAR(actual, expected)                                                                         \
    QVERIFY2(near((actual), (expected)), qPrintable(QStringLiteral("%1 = %2, expected %3")                   \
                                                        .arg(QStringLiteral(#actual))                        \
                                                        .arg((actual), 0, 'g', 12)                           \
                                                        .arg((expected), 0, 'g', 12)))

QString day(int d, const QString& suffix = QStringLiteral("T00:00:00.000Z"))
{
    return QStringLiteral("2026-03-%1").arg(d, 2, 10, QLatin1Char('0')) + suffix;
}

} // namespace

class TestFamilyTearsheet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timesReadAsTheTearsheetReads()
    {
        // The pass reads the set's forms of a time itself: it must take the same texts as times, and the
        // same instants, as the tearsheet's StrategyRowDecoder::time, and leave the rest to it.
        const QStringList texts{"2026-03-02T00:00:00.000Z", "2026-03-02T09:30:15.250Z",
                                "2026-03-02 09:30:15",      "2026-03-02T09:30:15Z",
                                "2026-03-02T09:30:15.250",  "2028-02-29T00:00:00.000Z",
                                "2026-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z",
                                "2026-13-01T00:00:00.000Z", "2026-03-02T24:00:00.000Z",
                                "2026-03-02T23:59:60.000Z", "2026-03-02T00:00:00+02:00",
                                "1969-12-31T23:59:59.999Z", "2026-03-02",
                                " 2026-03-02T00:00:00Z",    "not a time",
                                "2026-03-02T00:00:00.000X", "0000-01-01T00:00:00.000Z"};
        for (const QString& text : texts) {
            const QByteArray utf8 = text.toUtf8();
            const auto pass = FamilyRowTime::fromText(utf8.constData(), utf8.size());
            const QDateTime tearsheet = StrategyRowDecoder::time(text);
            QVERIFY2(pass.has_value() == tearsheet.isValid(), qPrintable(text));
            if (pass)
                QVERIFY2(*pass == tearsheet.toMSecsSinceEpoch(), qPrintable(text));
        }
        // 2026-03-02T09:30:15.250Z by hand: 20,514 days from 1970-01-01 (56 years, 14 of them leap, to
        // 2026-01-01 = 56 * 365 + 14 = 20,454; + 31 + 28 + 1 = 60) -> 20514 * 86,400,000 + 34,215,250 ms.
        QCOMPARE(FamilyRowTime::fromText("2026-03-02T09:30:15.250Z", 24), 20514LL * 86400000 + 34215250);
        // PostgreSQL's binary timestamptz: microseconds since 2000-01-01; ±infinity are not times.
        const auto big = [](qint64 micros) {
            QByteArray b(8, '\0');
            qToBigEndian(micros, b.data());
            return b;
        };
        QCOMPARE(FamilyRowTime::fromPostgres(big(1500).constData()), 946684800001LL);
        QCOMPARE(FamilyRowTime::fromPostgres(big(-1).constData()), 946684799999LL);
        QVERIFY(!FamilyRowTime::fromPostgres(big(std::numeric_limits<qint64>::max()).constData()));
        QVERIFY(!FamilyRowTime::fromPostgres(big(std::numeric_limits<qint64>::min()).constData()));
    }

    void sameRowsAsTearsheet_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void sameRowsAsTearsheet()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        Database& db = *d.db;
        const bool sqlite = db.dialect() == Dialect::Sqlite;
        const QString daily = QStringLiteral("daily");
        QVERIFY(addStrategy(db, "tear", "1.0", {}, {}, "2026-01-01T00:00:00.000Z", R"({"lookback": 20})"));

        // Counted (r, winning / trades): 03-02 1 % (1/2); 03-03 -2 % (0/1), the first of two rows for that
        // day; 03-04 3 % (2/3) typed "dAiLy"; 03-07 4 % (3/4), on SQLite in a form the set does not write;
        // 03-08 -1 % (1/1), the second of two rows whose first ends before it starts.
        QVERIFY(addRow(db, "tear", day(2), day(3), daily, "1", 1, 2));
        QVERIFY(addRow(db, "tear", day(3), day(4), daily, "-2", 0, 1));
        QVERIFY(
            addRow(db, "tear", day(3), day(4), daily, "5", 9, 9)); // same period_start, higher id: skipped
        QVERIFY(addRow(db, "tear", day(4), day(5), QStringLiteral("dAiLy"), "3", 2, 3));
        QVERIFY(addRow(db, "tear", day(5), day(4), daily, "10", 9, 9)); // ends before it starts: skipped
        // A return that is not a number: text in SQLite's REAL column, NaN in PostgreSQL's: skipped.
        QVERIFY(addRow(db, "tear", day(6), day(7), daily, sqlite ? "'n/a'" : "'NaN'", 9, 9));
        QVERIFY(addRow(db, "tear", day(7, sqlite ? "T00:00:00+00:00" : "T00:00:00.000Z"), day(8), daily, "4",
                       3, 4));
        QVERIFY(addRow(db, "tear", day(8), day(7), daily, "7", 9, 9));  // ends before it starts: skipped...
        QVERIFY(addRow(db, "tear", day(8), day(9), daily, "-1", 1, 1)); // ...so this one is the day's row
        // A time that is not one: text on SQLite; PostgreSQL's timestamptz 'infinity' (no date either).
        QVERIFY(addRow(db, "tear", sqlite ? "not a time" : "2026-03-10T00:00:00Z",
                       sqlite ? day(11) : "infinity", daily, "20", 9, 9));
        QVERIFY(addRow(db, "tear", day(12), day(19), QStringLiteral("weekly"), "50", 9, 9)); // not daily

        // By hand, r = 0.01, -0.02, 0.03, 0.04, -0.01 (n = 5):
        //   growth 1.01, 0.9898, 1.019494, 1.06027376, 1.0496710224: total return 0.0496710224
        //   drawdowns: 0.9898 / 1.01 - 1 = -0.02; 1.0496710224 / 1.06027376 - 1 = -0.01: max -0.02
        //   mean 0.05 / 5 = 0.01; deviations 0, -0.03, 0.02, 0.03, -0.02; squares 0.0026; variance 0.00065
        //   Sharpe 0.01 / sqrt(0.00065) * sqrt(252); volatility sqrt(0.00065) * sqrt(252)
        //   CAGR 1.0496710224^(252 / 5) - 1; win rate (1 + 0 + 2 + 3 + 1) / (2 + 1 + 3 + 4 + 1) = 7 / 11
        //   skipped: the second 03-03 row, the two rows ending before they start, the NaN, the time: 5
        auto read = FamilyReader(db).read(QStringLiteral("tear"));
        QVERIFY2(read, read ? "" : qPrintable(read.error().toText()));
        QCOMPARE(read->members.size(), 1);
        const FamilyView::Member& m = read->members.first();
        QCOMPARE(m.days, 5);
        CHECK_NEAR(m.totalReturn, 0.0496710224);
        CHECK_NEAR(m.maxDrawdown, -0.02);
        CHECK_NEAR(m.sharpe, 0.01 / std::sqrt(0.00065) * std::sqrt(252.0));
        CHECK_NEAR(m.volatility, std::sqrt(0.00065) * std::sqrt(252.0));
        CHECK_NEAR(m.cagr, std::pow(1.0496710224, 252.0 / 5) - 1);
        CHECK_NEAR(m.winRate, 7.0 / 11.0);
        const QString problems = m.problems.join('\n');
        QVERIFY2(problems.contains(QStringLiteral("5 daily performance rows skipped")), qPrintable(problems));

        // The tearsheet on the same rows gives the same figures.
        StrategyStore store(db);
        auto strategy = store.strategy(QStringLiteral("tear"));
        QVERIFY(strategy && strategy->has_value());
        auto periods = store.performance({QStringLiteral("tear")});
        QVERIFY2(periods, periods ? "" : qPrintable(periods.error().toText()));
        const Tearsheet t = TearsheetBuilder::build(**strategy, *periods, 63);
        QCOMPARE(t.periodReturn.size(), qsizetype(m.days));
        CHECK_NEAR(m.totalReturn, t.totalReturn);
        CHECK_NEAR(m.maxDrawdown, t.maxDrawdown);
        CHECK_NEAR(m.sharpe, t.sharpe);
        CHECK_NEAR(m.volatility, t.annualisedVolatility);
        CHECK_NEAR(m.cagr, t.annualisedReturn);
        CHECK_NEAR(m.winRate, t.overallWinRate);
    }
};

QTEST_GUILESS_MAIN(TestFamilyTearsheet)
#include "tst_family_tearsheet.moc"
