// Export on real SQLite files and a real PostgreSQL server: a million rows exported through the job's worker
// match, byte for byte, what sqlite3 -csv -header and psql's \copy ... csv header write for the same table;
// JSON and INSERT exports give back the same values (binary and NULL included); a cancel, a missing folder
// and a file-size limit that cuts the write leave no partial file.

#include <csignal>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <sys/resource.h>

#include "ScratchDatabases.h"
#include "connection/DatabaseOpener.h"
#include "console/ConsoleSession.h"
#include "export/CsvWriter.h"
#include "export/ExportJob.h"
#include "jobs/JobRunner.h"

using namespace strata;
using namespace strata::test;

namespace {

template <typename T> QString textOf(const Result<T>& result)
{
    return result ? QString() : result.error().toText();
}

/// A scratch database of either engine, alive for one test.
struct Scratch
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    QString url;

    bool open(const QString& engine)
    {
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
            return true;
        }
        postgres = std::make_unique<ScratchPostgres>();
        if (!postgres->ok())
            qWarning("%s", qPrintable(postgres->error()));
        url = postgres->url();
        return postgres->ok();
    }
    bool isSqlite() const { return sqlite != nullptr; }
    std::unique_ptr<Database> connect() const
    {
        auto db = DatabaseOpener::open(*ConnectionUrl::parse(url));
        return db ? std::move(db).value() : nullptr;
    }
};

/// `rows` rows of every kind of value an export must carry: every 1000th has a comma, quotes, a line
/// break, spaces, non-ASCII text, an empty string; every 7th a NULL; binary values with a NUL and a quote.
bool fill(Database& db, qint64 rows)
{
    const QString tricky = QStringLiteral(
        "CASE WHEN i % 1000 = 0 THEN 'a, \"quoted\"' || char(10) || 'line é' WHEN i % 1000 = 1 THEN '' "
        "WHEN i % 1000 = 2 THEN ' lead' WHEN i % 1000 = 3 THEN '\\.' ELSE 'XLON' END");
    if (db.dialect() == Dialect::Sqlite) {
        return db.execute(
                     QStringLiteral("CREATE TABLE fills (id integer PRIMARY KEY, venue text, price real, "
                                    "qty integer, note text, raw blob)"))
                   .ok() &&
               db.execute(
                     QStringLiteral(
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                         "INSERT INTO fills SELECT i, %2, i / 8.0 + 0.1, i * 3, CASE WHEN i % 7 = 0 THEN "
                         "NULL ELSE 'n' || i END, CASE WHEN i % 5 = 0 THEN NULL ELSE "
                         "X'00ff27' END FROM n")
                         .arg(rows)
                         .arg(tricky))
                   .ok();
    }
    return db.execute(QStringLiteral(
                          "CREATE TABLE fills (id bigint PRIMARY KEY, venue text, price float8, qty integer, "
                          "note text, raw bytea)"))
               .ok() &&
           db.execute(
                 QStringLiteral(
                     "INSERT INTO fills SELECT i, %2, i / 8.0 + 0.1, i * 3, CASE WHEN i % 7 = 0 THEN "
                     "NULL ELSE 'n' || i END, CASE WHEN i % 5 = 0 THEN NULL ELSE '\\x00ff27'::bytea END "
                     "FROM generate_series(1, %1) i")
                     .arg(rows)
                     .arg(QString(tricky).replace(QStringLiteral("char(10)"), QStringLiteral("chr(10)"))))
               .ok();
}

/// What the engine's own tool writes for `sql` as CSV with a header.
QByteArray toolCsv(const Scratch& scratch, const QString& sql, const QString& folder)
{
    QProcess tool;
    const QString file = QDir(folder).filePath(QStringLiteral("tool.csv"));
    if (scratch.isSqlite()) {
        tool.setStandardOutputFile(file);
        tool.start(QStringLiteral("sqlite3"),
                   {QStringLiteral("-csv"), QStringLiteral("-header"), scratch.sqlite->path(), sql});
    } else {
        tool.start(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                    QStringLiteral("-d"), scratch.url, QStringLiteral("-c"),
                    QStringLiteral("\\copy (%1) to '%2' csv header").arg(sql, file)});
    }
    if (!tool.waitForFinished(300000) || tool.exitCode() != 0) {
        qWarning("%s", tool.readAllStandardError().constData());
        return {};
    }
    QFile read(file);
    return read.open(QIODevice::ReadOnly) ? read.readAll() : QByteArray();
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Runs an export job on its worker and waits for its end.
struct JobOutcome
{
    bool ok = false;
    Error error;
    qint64 rows = 0;
};

JobOutcome runJob(const QString& url, ExportRequest request, const QString& target, int cancelAfterMs = -1,
                  qint64* cancelToEndMs = nullptr)
{
    auto job = std::make_unique<ExportJob>(std::move(request), target, QStringLiteral("fills"));
    ExportJob* raw = job.get();
    JobRunner runner(*ConnectionUrl::parse(url), std::move(job));
    QSignalSpy finished(&runner, &JobRunner::finished);
    runner.start();
    QElapsedTimer sinceCancel;
    if (cancelAfterMs >= 0) {
        QTest::qWait(cancelAfterMs);
        sinceCancel.start();
        runner.cancel();
    }
    finished.wait(600000);
    if (cancelToEndMs)
        *cancelToEndMs = sinceCancel.elapsed();
    JobOutcome outcome;
    if (finished.isEmpty())
        return outcome;
    outcome.ok = finished.first().at(0).toBool();
    outcome.error = finished.first().at(1).value<Error>();
    outcome.rows = raw->rowsWritten();
    return outcome;
}

/// The files in `folder` (a temporary file left behind would show here).
QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private:
    static void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<strata::Error>(); }

    void millionRowsMatchTheEnginesOwnCsv_data() { engines(); }
    void millionRowsMatchTheEnginesOwnCsv()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        {
            auto db = scratch.connect();
            QVERIFY(db);
            QVERIFY(fill(*db, 1000000));
        }
        QTemporaryDir folder;
        const QString target = folder.filePath(QStringLiteral("fills.csv"));
        const JobOutcome outcome =
            runJob(scratch.url,
                   ExportRequest::ofTable(QString(), QStringLiteral("fills"),
                                          scratch.isSqlite() ? Dialect::Sqlite : Dialect::Postgres,
                                          ExportFormat::Csv),
                   target);
        QVERIFY2(outcome.ok, qPrintable(outcome.error.toText()));
        QCOMPARE(outcome.rows, 1000000);
        const QByteArray ours = contents(target);
        const QByteArray theirs = toolCsv(scratch, QStringLiteral("SELECT * FROM fills"), folder.path());
        QVERIFY(!theirs.isEmpty());
        QCOMPARE(ours.size(), theirs.size());
        QVERIFY(ours == theirs);
        QVERIFY(ours.contains("\"a, \"\"quoted\"\"\nline é\""));
        QCOMPARE(filesIn(folder.path()),
                 (QStringList{QStringLiteral("fills.csv"), QStringLiteral("tool.csv")}));
    }

    void statementThroughTheGeneralWriterMatchesToo_data() { engines(); }
    void statementThroughTheGeneralWriterMatchesToo()
    {
        // A statement COPY does not take on PostgreSQL and values as the console holds them: the same bytes.
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        auto db = scratch.connect();
        QVERIFY(db);
        QVERIFY(fill(*db, 3000));
        QTemporaryDir folder;
        const QString sql = QStringLiteral("SELECT * FROM fills ORDER BY id");
        // JSON goes through the general writer on both engines; CSV through it when forced by a non-COPY
        // path.
        auto json = ExportJob::exportTo(*db, ExportRequest{sql, ExportFormat::Json, {}, {}},
                                        folder.filePath(QStringLiteral("fills.json")), Progress());
        QVERIFY2(json, qPrintable(textOf(json)));
        QCOMPARE(*json, 3000);
        const QJsonArray rows =
            QJsonDocument::fromJson(contents(folder.filePath(QStringLiteral("fills.json")))).array();
        QCOMPARE(rows.size(), 3000);
        const QJsonObject first = rows.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("id")).toInteger(), 1);
        QCOMPARE(first.value(QLatin1String("price")).toDouble(), 1 / 8.0 + 0.1);
        QCOMPARE(QByteArray::fromBase64(first.value(QLatin1String("raw")).toString().toLatin1()),
                 QByteArray("\x00\xff\x27", 3));
        QVERIFY(rows.at(6).toObject().value(QLatin1String("note")).isNull()); // id 7
        QVERIFY(rows.at(4).toObject().value(QLatin1String("raw")).isNull());  // id 5
        QCOMPARE(rows.at(999).toObject().value(QLatin1String("venue")).toString(),
                 QStringLiteral("a, \"quoted\"\nline é"));
        QCOMPARE(rows.at(1000).toObject().value(QLatin1String("venue")).toString(), QString());
    }

    void rowsAsTheConsoleHoldsThemWriteTheSameCsv_data() { engines(); }
    void rowsAsTheConsoleHoldsThemWriteTheSameCsv()
    {
        // The general CSV writer (statements COPY does not take, values as the console converted them:
        // integers, doubles, bytea, booleans) against the tools' own output of the same statement.
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        {
            auto db = scratch.connect();
            QVERIFY(db);
            QVERIFY(fill(*db, 5000));
        }
        const QString sql =
            scratch.isSqlite()
                ? QStringLiteral(
                      "SELECT *, 1e300 * 10 AS big, 0.1 + 0.2 AS sum, -0.0 AS z FROM fills ORDER BY id")
                : QStringLiteral(
                      "SELECT *, id % 2 = 0 AS even, (id / 3.0)::numeric(12, 4) AS third, "
                      "'Infinity'::float8 AS inf, 0.1::float8 + 0.2 AS sum FROM fills ORDER BY id");
        auto session = ConsoleSession::open(*ConnectionUrl::parse(scratch.url), false);
        QVERIFY(session);
        QTemporaryDir folder;
        // The second: one column, where PostgreSQL quotes a lone \. (it would read as the end of data).
        for (const QString& statement :
             {sql, QStringLiteral("SELECT venue FROM fills WHERE id % 1000 IN (1, 3) ORDER BY id")}) {
            CsvWriter writer(scratch.isSqlite() ? Dialect::Sqlite : Dialect::Postgres);
            QByteArray ours;
            bool begun = false;
            auto outcome =
                (*session)->run(statement, [&](const QStringList& columns, QList<QVariantList>& rows) {
                    if (!begun)
                        writer.begin(columns, ours);
                    begun = true;
                    for (const QVariantList& row : std::as_const(rows))
                        writer.row(row, ours);
                    return true;
                });
            QVERIFY2(outcome, qPrintable(textOf(outcome)));
            const QByteArray theirs = toolCsv(scratch, statement, folder.path());
            QVERIFY(!theirs.isEmpty());
            QCOMPARE(ours.size(), theirs.size());
            QVERIFY(ours == theirs);
        }
    }

    void droppedConnectionMidExportLeavesNoFile()
    {
        Scratch scratch;
        QVERIFY(scratch.open(QStringLiteral("postgresql")));
        auto db = scratch.connect();
        QVERIFY(db);
        QVERIFY(fill(*db, 1000000));
        QTemporaryDir folder;
        const QString target = folder.filePath(QStringLiteral("fills.json"));
        auto job = std::make_unique<ExportJob>(
            ExportRequest::ofTable({}, QStringLiteral("fills"), Dialect::Postgres, ExportFormat::Json),
            target, QStringLiteral("fills"));
        JobRunner runner(*ConnectionUrl::parse(scratch.url), std::move(job));
        QSignalSpy finished(&runner, &JobRunner::finished);
        QSignalSpy progressed(&runner, &JobRunner::progressed);
        runner.start();
        QVERIFY(progressed.wait(30000)); // rows are being written
        // An administrator ends every other session of the database: the export's among them.
        auto terminated =
            db->query(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                     "WHERE datname = current_database() AND pid <> pg_backend_pid()"));
        QVERIFY(terminated);
        QCOMPARE(terminated->value(0, 0).toLongLong(), 1);
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.first().at(0).toBool());
        const Error error = finished.first().at(1).value<Error>();
        QVERIFY2(error.what.contains(QStringLiteral("connection")) &&
                     error.what.contains(QStringLiteral("lost")),
                 qPrintable(error.toText()));
        QVERIFY2(error.unchanged.contains(QStringLiteral("No file was written")), qPrintable(error.toText()));
        QCOMPARE(filesIn(folder.path()), QStringList());
    }

    void insertsGiveBackTheSameRows_data() { engines(); }
    void insertsGiveBackTheSameRows()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        auto db = scratch.connect();
        QVERIFY(db);
        QVERIFY(fill(*db, 3000));
        QVERIFY(db->execute(QStringLiteral("UPDATE fills SET price = -0.0 WHERE id = 10")));
        QTemporaryDir folder;
        const QString file = folder.filePath(QStringLiteral("fills.sql"));
        auto written = ExportJob::exportTo(*db,
                                           ExportRequest{QStringLiteral("SELECT * FROM fills"),
                                                         ExportFormat::SqlInsert,
                                                         QStringLiteral("fills_copy"),
                                                         {}},
                                           file, Progress());
        QVERIFY2(written, qPrintable(textOf(written)));
        QCOMPARE(*written, 3000);
        // The export's own connection was read-only; this one writes.
        auto writer = scratch.connect();
        QVERIFY(writer->execute(scratch.isSqlite()
                                    ? QStringLiteral("CREATE TABLE fills_copy AS SELECT * FROM fills WHERE 0")
                                    : QStringLiteral("CREATE TABLE fills_copy (LIKE fills)")));
        QVERIFY(writer->runScript(SqlScript{file, contents(file), 1}, false));
        const QString different =
            QStringLiteral("SELECT count(*) FROM (SELECT * FROM fills EXCEPT SELECT * FROM fills_copy) d");
        QCOMPARE(writer->query(different)->value(0, 0).toLongLong(), 0);
        QCOMPARE(writer->query(QStringLiteral("SELECT count(*) FROM fills_copy"))->value(0, 0).toLongLong(),
                 3000);
        QCOMPARE(
            writer
                ->query(QStringLiteral("SELECT count(*) FROM fills_copy WHERE raw IS NULL AND note IS NULL"))
                ->value(0, 0)
                .toLongLong(),
            writer->query(QStringLiteral("SELECT count(*) FROM fills WHERE raw IS NULL AND note IS NULL"))
                ->value(0, 0)
                .toLongLong());
    }

    void cancelLeavesNoFile_data() { engines(); }
    void cancelLeavesNoFile()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        QTemporaryDir folder;
        const QString target = folder.filePath(QStringLiteral("never.csv"));
        // Neither ends by itself: SQLite counts for ever, PostgreSQL sleeps a minute before its row.
        const QString sql =
            scratch.isSqlite()
                ? QStringLiteral(
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n")
                : QStringLiteral("SELECT pg_sleep(60)");
        qint64 ms = 0;
        const JobOutcome outcome =
            runJob(scratch.url, ExportRequest{sql, ExportFormat::Csv, {}, {}}, target, 800, &ms);
        QVERIFY(!outcome.ok);
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("ended %1 ms after the cancel").arg(ms)));
        QVERIFY2(outcome.error.what.contains(QStringLiteral("cancelled")),
                 qPrintable(outcome.error.toText()));
        QVERIFY2(outcome.error.unchanged.contains(QStringLiteral("No file was written")),
                 qPrintable(outcome.error.toText()));
        QCOMPARE(filesIn(folder.path()), QStringList());
    }

    void badTargetsAreNamed()
    {
        ScratchSqlite scratch;
        auto db = DatabaseOpener::open(*ConnectionUrl::parse(scratch.url()));
        QVERIFY(db);
        QTemporaryDir folder;
        const ExportRequest request{QStringLiteral("SELECT 1"), ExportFormat::Csv, {}, {}};
        const QString missing = folder.filePath(QStringLiteral("no-such-folder/out.csv"));
        auto first = ExportJob::exportTo(**db, request, missing, Progress());
        QVERIFY(!first);
        QCOMPARE(first.error().code, ExitCode::BadInput);
        QVERIFY2(first.error().what.contains(QStringLiteral("does not exist")),
                 qPrintable(first.error().toText()));
        QVERIFY(!first.error().next.isEmpty());
        QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("no-such-folder"))));

        QFile plain(folder.filePath(QStringLiteral("plain")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        auto underFile =
            ExportJob::exportTo(**db, request, folder.filePath(QStringLiteral("plain/out.csv")), Progress());
        QVERIFY(!underFile);
        QVERIFY2(underFile.error().what.contains(QStringLiteral("not a folder")),
                 qPrintable(underFile.error().toText()));

        auto onFolder = ExportJob::exportTo(**db, request, folder.path(), Progress());
        QVERIFY(!onFolder);
        QVERIFY2(onFolder.error().what.contains(QStringLiteral("is a folder")),
                 qPrintable(onFolder.error().toText()));
        QCOMPARE(filesIn(folder.path()), QStringList{QStringLiteral("plain")});
    }

    void aFullDiskLeavesTheOldFileAndNoPartOfTheNew_data() { engines(); }
    void aFullDiskLeavesTheOldFileAndNoPartOfTheNew()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        auto db = scratch.connect();
        QVERIFY(db);
        QVERIFY(fill(*db, 200000));
        QTemporaryDir folder;
        const QString target = folder.filePath(QStringLiteral("fills.csv"));
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("yesterday's export\n");
        old.close();
        // A file-size limit of 1 MiB stands for a full disk: the write fails with EFBIG instead of ENOSPC.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit before{};
        getrlimit(RLIMIT_FSIZE, &before);
        rlimit limited = before;
        limited.rlim_cur = 1 << 20;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        auto result = ExportJob::exportTo(
            *db, ExportRequest::ofTable({}, QStringLiteral("fills"), db->dialect(), ExportFormat::Csv),
            target, Progress());
        setrlimit(RLIMIT_FSIZE, &before);
        QVERIFY(!result);
        QVERIFY2(result.error().what.contains(QStringLiteral("File too large")),
                 qPrintable(result.error().toText()));
        QVERIFY2(result.error().what.contains(target), qPrintable(result.error().toText()));
        QVERIFY2(result.error().unchanged.contains(QStringLiteral("as it was")),
                 qPrintable(result.error().toText()));
        QCOMPARE(contents(target), QByteArray("yesterday's export\n"));
        QCOMPARE(filesIn(folder.path()), QStringList{QStringLiteral("fills.csv")});
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
