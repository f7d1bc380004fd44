// The console's sessions on real SQLite files and a real PostgreSQL server: rows streamed in bounded
// batches, a statement that never ends cancelled within a second, writes refused by the engine itself in a
// read-only session, a held write counted exactly and rolled back, errors that point at their position, a
// connection ended by the server, binary and NULL values, and results wider than the engines allow.

#include <thread>

#include <QElapsedTimer>
#include <QtTest>

#include "ScratchDatabases.h"
#include "console/ConsoleSession.h"

using namespace strata;
using namespace strata::test;

namespace {

/// A scratch database of either engine, alive for one test.
struct Scratch
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;

    QString open(const QString& engine)
    {
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            return sqlite->url();
        }
        postgres = std::make_unique<ScratchPostgres>();
        return postgres->ok() ? postgres->url() : QString();
    }
    QString error() const { return postgres ? postgres->error() : QString(); }
};

/// The error's text, or nothing when there is none (QVERIFY2 evaluates its message either way).
template <typename T> QString textOf(const Result<T>& result)
{
    return result ? QString() : result.error().toText();
}

std::unique_ptr<ConsoleSession> openSession(const QString& url, bool write)
{
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return nullptr;
    auto session = ConsoleSession::open(*parsed, write);
    if (!session) {
        qWarning("%s", qPrintable(textOf(session)));
        return nullptr;
    }
    return std::move(session).value();
}

const auto ignoreRows = [](const QStringList&, QList<QVariantList>&) { return true; };

/// Runs `sql` and returns every row (small results only).
QList<QVariantList> allRows(ConsoleSession& session, const QString& sql)
{
    QList<QVariantList> rows;
    auto outcome = session.run(sql, [&rows](const QStringList&, QList<QVariantList>& batch) {
        rows += batch;
        return true;
    });
    if (!outcome)
        qWarning("%s", qPrintable(textOf(outcome)));
    return rows;
}

} // namespace

class TestConsoleSession : public QObject
{
    Q_OBJECT

private:
    Scratch m_scratch;
    QString m_url;
    std::unique_ptr<ConsoleSession> open(bool write)
    {
        QFETCH(QString, engine);
        m_url = m_scratch.open(engine);
        if (m_url.isEmpty())
            qWarning("%s", qPrintable(m_scratch.error()));
        return m_url.isEmpty() ? nullptr : openSession(m_url, write);
    }
    static void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

private Q_SLOTS:
    void streamsInBatches_data() { engines(); }
    void streamsInBatches()
    {
        auto session = open(false);
        QVERIFY(session);
        QFETCH(QString, engine);
        const QString sql =
            engine == QLatin1String("sqlite")
                ? QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 250000) SELECT i, 'row ' || i AS label FROM n")
                : QStringLiteral("SELECT i, 'row ' || i AS label FROM generate_series(1, 250000) i");
        qint64 seen = 0, largest = 0, sum = 0;
        int batches = 0;
        QStringList columns;
        auto outcome = session->run(
            sql,
            [&](const QStringList& names, QList<QVariantList>& rows) {
                columns = names;
                ++batches;
                largest = qMax<qint64>(largest, rows.size());
                for (const QVariantList& row : rows) {
                    ++seen;
                    sum += row.at(0).toLongLong();
                }
                return true;
            },
            1000);
        QVERIFY2(outcome, qPrintable(textOf(outcome)));
        QCOMPARE(columns, (QStringList{QStringLiteral("i"), QStringLiteral("label")}));
        QCOMPARE(outcome->rowsReturned, 250000);
        QCOMPARE(seen, 250000);
        QCOMPARE(sum, qint64(250000) * 250001 / 2);
        QCOMPARE(largest, 1000); // never more than a batch held
        QCOMPARE(batches, 250);
        QCOMPARE(outcome->command, QStringLiteral("SELECT"));
        QCOMPARE(outcome->rowsAffected, -1);
        QVERIFY(outcome->micros > 0);
    }

    void stopsWhenTheReceiverSaysSo_data() { engines(); }
    void stopsWhenTheReceiverSaysSo()
    {
        auto session = open(false);
        QVERIFY(session);
        QFETCH(QString, engine);
        const QString sql =
            engine == QLatin1String("sqlite")
                ? QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                                 "SELECT i FROM n")
                : QStringLiteral(
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n");
        QElapsedTimer clock;
        clock.start();
        int calls = 0;
        auto outcome = session->run(
            sql, [&](const QStringList&, QList<QVariantList>&) { return ++calls < 3; }, 500);
        QVERIFY2(outcome, qPrintable(textOf(outcome)));
        QVERIFY(outcome->stopped);
        QCOMPARE(calls, 3);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        // The session is usable at once.
        QCOMPARE(allRows(*session, QStringLiteral("SELECT 7")).value(0).value(0).toLongLong(), 7);
    }

    void cancelsAStatementThatNeverEnds_data() { engines(); }
    void cancelsAStatementThatNeverEnds()
    {
        auto session = open(false);
        QVERIFY(session);
        QFETCH(QString, engine);
        // No row ever comes back from either: SQLite counts for ever inside the CTE, PostgreSQL sleeps.
        const QString sql =
            engine == QLatin1String("sqlite")
                ? QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                                 "SELECT count(*) FROM n")
                : QStringLiteral("SELECT pg_sleep(60)");
        QElapsedTimer sinceCancel;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(700));
            sinceCancel.start();
            session->interrupt();
        });
        auto outcome = session->run(sql, ignoreRows);
        const qint64 ms = sinceCancel.elapsed();
        canceller.join();
        QVERIFY(!outcome);
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("stopped %1 ms after the cancel").arg(ms)));
        QVERIFY2(outcome.error().what.contains(QStringLiteral("cancelled")), qPrintable(textOf(outcome)));
        QCOMPARE(allRows(*session, QStringLiteral("SELECT 1")).size(), 1);
    }

    void readOnlyRefusedByTheEngine_data() { engines(); }
    void readOnlyRefusedByTheEngine()
    {
        auto session = open(true);
        QVERIFY(session);
        QVERIFY(session->run(QStringLiteral("CREATE TABLE fills (id integer PRIMARY KEY, qty integer)"),
                             ignoreRows));
        QVERIFY(session->run(QStringLiteral("INSERT INTO fills VALUES (1, 10)"), ignoreRows));
        QVERIFY(session->setWriteMode(false));
        QVERIFY(!session->writeMode());
        auto refused = session->run(QStringLiteral("UPDATE fills SET qty = 99"), ignoreRows);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ExitCode::Refused);
        QVERIFY2(refused.error().what.contains(QStringLiteral("read-only")), qPrintable(textOf(refused)));
        // The engine's own words are there: SQLite's "readonly database", PostgreSQL's "read-only
        // transaction".
        QVERIFY2(refused.error().what.contains(QStringLiteral("readonly")) ||
                     refused.error().what.contains(QStringLiteral("read-only transaction")),
                 qPrintable(textOf(refused)));
        QVERIFY(!session->run(QStringLiteral("DROP TABLE fills"), ignoreRows));
        // An explicit BEGIN does not escape the mode.
        QVERIFY(session->run(QStringLiteral("BEGIN"), ignoreRows));
        QVERIFY(!session->run(QStringLiteral("DELETE FROM fills"), ignoreRows));
        (void)session->run(QStringLiteral("ROLLBACK"), ignoreRows);
        QCOMPARE(allRows(*session, QStringLiteral("SELECT qty FROM fills")).value(0).value(0).toLongLong(),
                 10);
        QVERIFY(session->setWriteMode(true));
        auto written = session->run(QStringLiteral("UPDATE fills SET qty = 11"), ignoreRows);
        QVERIFY2(written, qPrintable(textOf(written)));
        QCOMPARE(written->rowsAffected, 1);
        QCOMPARE(written->command, QStringLiteral("UPDATE"));
    }

    void heldWriteCountsExactlyAndRollsBack_data() { engines(); }
    void heldWriteCountsExactlyAndRollsBack()
    {
        auto session = open(true);
        QVERIFY(session);
        QFETCH(QString, engine);
        QVERIFY(session->run(QStringLiteral("CREATE TABLE orders (id integer PRIMARY KEY, status text)"),
                             ignoreRows));
        QVERIFY(session->run(
            engine == QLatin1String("sqlite")
                ? QStringLiteral("INSERT INTO orders WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                 "SELECT i + 1 FROM n WHERE i < 1000) SELECT i, CASE WHEN i % 7 = 0 "
                                 "THEN 'open' ELSE 'done' END FROM n")
                : QStringLiteral("INSERT INTO orders SELECT i, CASE WHEN i % 7 = 0 THEN 'open' ELSE "
                                 "'done' END FROM generate_series(1, 1000) i"),
            ignoreRows));
        auto held =
            session->runHeld(QStringLiteral("UPDATE orders SET status = 'cancelled' WHERE status = 'open'"));
        QVERIFY2(held, qPrintable(textOf(held)));
        QCOMPARE(held->rowsAffected, 142); // 1000 / 7
        QVERIFY(session->holdsTransaction());
        QVERIFY(!session->setWriteMode(false)); // not while a write waits
        QVERIFY(session->rollbackHeld());
        QVERIFY(!session->holdsTransaction());
        QCOMPARE(allRows(*session, QStringLiteral("SELECT count(*) FROM orders WHERE status = 'open'"))
                     .value(0)
                     .value(0)
                     .toLongLong(),
                 142);
        auto deleted = session->runHeld(QStringLiteral("DELETE FROM orders WHERE id <= 10"));
        QVERIFY(deleted);
        QCOMPARE(deleted->rowsAffected, 10);
        QVERIFY(session->commitHeld());
        QCOMPARE(
            allRows(*session, QStringLiteral("SELECT count(*) FROM orders")).value(0).value(0).toLongLong(),
            990);
        // Dropping a session with a held write rolls it back.
        QVERIFY(session->runHeld(QStringLiteral("DELETE FROM orders")));
        session.reset();
        auto again = openSession(m_url, false);
        QVERIFY(again);
        QCOMPARE(
            allRows(*again, QStringLiteral("SELECT count(*) FROM orders")).value(0).value(0).toLongLong(),
            990);
    }

    void syntaxErrorPointsAtItsPosition_data() { engines(); }
    void syntaxErrorPointsAtItsPosition()
    {
        auto session = open(false);
        QVERIFY(session);
        // "é" before the fault: a position in characters, not bytes.
        const QString sql = QStringLiteral("SELECT 'é' AS x, 2 FORM t");
        auto outcome = session->run(sql, ignoreRows);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ExitCode::BadInput);
        QCOMPARE(session->lastErrorPosition(), int(sql.indexOf(QStringLiteral("t"), 20)));
        QVERIFY(session->run(QStringLiteral("SELECT 1"), ignoreRows));
        QCOMPARE(session->lastErrorPosition(), -1);
    }

    void moreThanOneStatementIsRefused_data() { engines(); }
    void moreThanOneStatementIsRefused()
    {
        auto session = open(true);
        QVERIFY(session);
        QVERIFY(!session->run(QStringLiteral("CREATE TABLE a (x integer); CREATE TABLE b (x integer)"),
                              ignoreRows));
        QVERIFY(session->run(QStringLiteral("SELECT 1;  -- done"), ignoreRows));
    }

    void binaryAndNullValues_data() { engines(); }
    void binaryAndNullValues()
    {
        auto session = open(false);
        QVERIFY(session);
        QFETCH(QString, engine);
        const QString sql =
            engine == QLatin1String("sqlite")
                ? QStringLiteral("SELECT X'00ff0a27', NULL, '', 1.5, 42")
                : QStringLiteral("SELECT '\\x00ff0a27'::bytea, NULL::text, ''::text, 1.5::float8, 42");
        const auto rows = allRows(*session, sql);
        QCOMPARE(rows.size(), 1);
        const QVariantList row = rows.first();
        QCOMPARE(row.at(0).typeId(), int(QMetaType::QByteArray));
        QCOMPARE(row.at(0).toByteArray(), QByteArray("\x00\xff\x0a\x27", 4));
        QVERIFY(!row.at(1).isValid());
        QVERIFY(row.at(2).isValid());
        QCOMPARE(row.at(2).toString(), QString());
        QCOMPARE(row.at(3).toDouble(), 1.5);
        QCOMPARE(row.at(4).toLongLong(), 42);
    }

    void widestResults_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("widest");
        QTest::newRow("sqlite") << QStringLiteral("sqlite") << 2000; // SQLITE_MAX_COLUMN
        QTest::newRow("postgresql") << QStringLiteral("postgresql")
                                    << 1664; // MaxTupleAttributeNumber of a target list
    }
    void widestResults()
    {
        auto session = open(false);
        QVERIFY(session);
        QFETCH(int, widest);
        auto columnsOf = [](int n) {
            QStringList parts;
            for (int i = 0; i < n; ++i)
                parts << QStringLiteral("%1 AS c%1").arg(i);
            return QStringLiteral("SELECT ") + parts.join(QStringLiteral(", "));
        };
        // 10,000 columns: more than either engine returns; its own refusal is the error.
        auto tooWide = session->run(columnsOf(10000), ignoreRows);
        QVERIFY(!tooWide);
        QVERIFY2(tooWide.error().what.contains(QStringLiteral("too many columns")) ||
                     tooWide.error().what.contains(QStringLiteral("at most 1664 entries")),
                 qPrintable(textOf(tooWide)));
        QList<QVariantList> rows;
        QStringList columns;
        auto widestOutcome =
            session->run(columnsOf(widest), [&](const QStringList& names, QList<QVariantList>& batch) {
                columns = names;
                rows += batch;
                return true;
            });
        QVERIFY2(widestOutcome, qPrintable(textOf(widestOutcome)));
        QCOMPARE(columns.size(), widest);
        QCOMPARE(rows.value(0).value(widest - 1).toLongLong(), widest - 1);
    }

    void cancelEndsAWaitForAnotherWritersLock()
    {
        // SQLite: another process's open write transaction; the statement waits for its lock until cancelled.
        ScratchSqlite scratch;
        auto session = openSession(scratch.url(), true);
        QVERIFY(session);
        QVERIFY(session->run(QStringLiteral("CREATE TABLE fills (qty integer)"), ignoreRows));
        auto other = openSession(scratch.url(), true);
        QVERIFY(other);
        QVERIFY(other->run(QStringLiteral("BEGIN IMMEDIATE"), ignoreRows));
        QVERIFY(other->run(QStringLiteral("INSERT INTO fills VALUES (1)"), ignoreRows));
        QElapsedTimer sinceCancel;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            sinceCancel.start();
            session->interrupt();
        });
        auto waited = session->run(QStringLiteral("INSERT INTO fills VALUES (2)"), ignoreRows);
        const qint64 ms = sinceCancel.elapsed();
        canceller.join();
        QVERIFY(!waited);
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        QVERIFY2(waited.error().what.contains(QStringLiteral("cancelled")),
                 qPrintable(waited.error().toText()));
        // After the cancel, a held write still waits for the other writer's lock as it should (the cancel was
        // for the statement before): the other writer commits while it waits.
        std::thread committer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            (void)other->run(QStringLiteral("COMMIT"), ignoreRows);
        });
        auto held = session->runHeld(QStringLiteral("INSERT INTO fills VALUES (3)"));
        committer.join();
        QVERIFY2(held, qPrintable(textOf(held)));
        QVERIFY(session->rollbackHeld());
        // Once the other writer is done, the same statement runs.
        auto after = session->run(QStringLiteral("INSERT INTO fills VALUES (2)"), ignoreRows);
        QVERIFY2(after, qPrintable(textOf(after)));
        QCOMPARE(after->rowsAffected, 1);
    }

    void droppedConnection()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto session = openSession(scratch.url(), false);
        QVERIFY(session);
        const qint64 pid =
            allRows(*session, QStringLiteral("SELECT pg_backend_pid()")).value(0).value(0).toLongLong();
        QVERIFY(pid > 0);
        auto killer = openSession(scratch.url(), false);
        QVERIFY(killer);
        std::thread terminate([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            (void)killer->run(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid), ignoreRows);
        });
        auto outcome = session->run(QStringLiteral("SELECT pg_sleep(30)"), ignoreRows);
        terminate.join();
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().what.contains(QStringLiteral("connection")) &&
                     outcome.error().what.contains(QStringLiteral("lost")),
                 qPrintable(textOf(outcome)));
        QVERIFY(!outcome.error().next.isEmpty());
        // The next statement opens a new session, read-only as before.
        const auto rows = allRows(
            *session,
            QStringLiteral("SELECT pg_backend_pid(), current_setting('default_transaction_read_only')"));
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().at(0).toLongLong() != pid);
        QCOMPARE(rows.first().at(1).toString(), QStringLiteral("on"));
    }
};

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_console_session.moc"
