#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include "ScratchDatabases.h"
#include "demo/RiskStateDemo.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "jobs/BackupJob.h"
#include "jobs/JobRunner.h"

using namespace strata;
using namespace strata::test;

namespace {

/// Counts to `units`, one unit every 5 ms, until cancelled.
class CountingJob final : public DatabaseJob
{
public:
    explicit CountingJob(int units) : m_units(units) {}
    QString title() const override { return QStringLiteral("Counting"); }
    Status run(Database& db, const Progress& progress) override
    {
        for (int i = 1; i <= m_units; ++i) {
            if (!db.query(QStringLiteral("SELECT 1")).ok())
                return Error::failed(QStringLiteral("query failed"), {}, {});
            QThread::msleep(5);
            progress.report(i, m_units, QStringLiteral("count"));
            if (progress.cancelled())
                return Error::failed(QStringLiteral("cancelled at %1").arg(i), QStringLiteral("nothing"), {});
        }
        return {};
    }

private:
    int m_units;
};

QString bigDemo(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("state.db"));
    if (!RiskStateDemo::create(path).ok())
        return {};
    auto db = SqliteDatabase::open(path);
    (void)(*db)->execute(
        QStringLiteral("CREATE TABLE history AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                       "FROM c WHERE x < 250000) SELECT x, randomblob(400) AS pad FROM c"));
    return path;
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnAnotherThreadAndReportsProgress()
    {
        ScratchSqlite file;
        JobRunner runner(*ConnectionUrl::parse(file.url()), std::make_unique<CountingJob>(20));
        QSignalSpy progressed(&runner, &JobRunner::progressed);
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(progressed.size(), 20);
        QCOMPARE(progressed.last().at(0).toLongLong(), 20);
    }

    void cancelStopsAtTheNextSafePoint()
    {
        ScratchSqlite file;
        JobRunner runner(*ConnectionUrl::parse(file.url()), std::make_unique<CountingJob>(10000));
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start();
        QTest::qWait(50);
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).value<Error>().what.startsWith(QStringLiteral("cancelled at")));
    }

    void aConnectionErrorArrivesAsFinished()
    {
        JobRunner runner(*ConnectionUrl::parse(QStringLiteral("sqlite:/nonexistent/strata/state.db")),
                         std::make_unique<CountingJob>(1));
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).value<Error>().what.contains(QStringLiteral("does not exist")));
    }

    void theCallingThreadKeepsRunningDuringABackup()
    {
        QTemporaryDir dir;
        const QString path = bigDemo(dir);
        QVERIFY(!path.isEmpty());
        DatabaseBackup::Request request;
        request.folder = dir.filePath(QStringLiteral("backups"));
        auto job = std::make_unique<BackupJob>(request);
        BackupJob* backup = job.get();
        JobRunner runner(*ConnectionUrl::parse(QStringLiteral("sqlite:") + path), std::move(job));
        QSignalSpy finished(&runner, &JobRunner::finished);

        // The longest gap between two ticks of a 1 ms timer on this thread while the backup runs.
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 longest = 0;
        int ticks = 0;
        QTimer timer;
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            longest = std::max(longest, now - last);
            last = now;
            ++ticks;
        });
        clock.start();
        timer.start();
        runner.start();
        QVERIFY(finished.wait(120000));
        timer.stop();
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).value<Error>().toText()));
        QVERIFY(backup->record().has_value());
        QVERIFY(backup->record()->verified);
        QVERIFY(ticks > 20);
        qInfo("backup of %lld bytes took %lld ms; the calling thread ticked %d times, longest gap %lld ms",
              backup->record()->size, clock.elapsed(), ticks, longest);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
