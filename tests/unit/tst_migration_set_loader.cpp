#include <QCryptographicHash>
#include <QtTest>

#include <sys/stat.h>

#include "SetBuilder.h"
#include "common/FolderEntries.h"
#include "common/TextFile.h"
#include "migrations/MigrationSetLoader.h"

using namespace strata;
using namespace strata::test;

class TestMigrationSetLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strataLayoutWithPhasesOptionsAndDialects()
    {
        SetBuilder set;
        set.file(QStringLiteral("strata.yaml"), "name: demo\ndialects: [sqlite, postgresql]\n"
                                                "options:\n  history:\n    default: false\n"
                                                "versions:\n  2:\n    description: Second release\n")
            .file(QStringLiteral("001_base/01_tables.sql"),
                  "-- Description: tables\nCREATE TABLE a (x INT);\n")
            .file(QStringLiteral("001_base/01_tables.down.sql"), "DROP TABLE a;\n")
            .file(QStringLiteral("002_next/01_core.sqlite.sql"),
                  "-- strata:phase core\nCREATE TABLE b (x INT);\n")
            .file(QStringLiteral("002_next/01_core.postgresql.sql"), "CREATE TABLE b (x BIGINT);\n")
            .file(QStringLiteral("002_next/01_core.postgresql.down.sql"), "DROP TABLE b;\n")
            .file(QStringLiteral("002_next/02_idx.sql"),
                  "-- strata:phase indexes\n-- strata:no-transaction\n-- strata:requires 2.1\nCREATE INDEX i "
                  "ON b(x);\n")
            .file(QStringLiteral("002_next/03_hist.sql"),
                  "-- strata:phase optional\n-- strata:option history\nCREATE TABLE h (x INT);\n")
            .file(QStringLiteral("README.md"), "not a migration");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toText()));
        QCOMPARE(loaded->name(), QStringLiteral("demo"));
        QCOMPARE(loaded->steps.size(), 5);

        const auto sqlite = loaded->stepsFor(Dialect::Sqlite);
        QCOMPARE(sqlite.size(), 4);
        QCOMPARE(sqlite.at(0).slot(), QStringLiteral("1.1"));
        QCOMPARE(sqlite.at(0).rollbackPath, QStringLiteral("001_base/01_tables.down.sql"));
        QCOMPARE(sqlite.at(1).forwardPath, QStringLiteral("002_next/01_core.sqlite.sql"));
        QVERIFY(!sqlite.at(1).hasRollback());
        QCOMPARE(sqlite.at(2).phase(), QStringLiteral("indexes"));
        QVERIFY(!sqlite.at(2).transactional());
        QCOMPARE(sqlite.at(2).header.requirements.size(), 1);
        QCOMPARE(sqlite.at(2).header.requirements.first().text(), QStringLiteral("2.1"));
        QCOMPARE(sqlite.at(3).header.option, QStringLiteral("history"));

        const auto pg = loaded->stepsFor(Dialect::Postgres);
        QCOMPARE(pg.at(1).forwardPath, QStringLiteral("002_next/01_core.postgresql.sql"));
        QCOMPARE(pg.at(1).rollbackPath, QStringLiteral("002_next/01_core.postgresql.down.sql"));
        QCOMPARE(loaded->versionsFor(Dialect::Sqlite), (QList<qint64>{1, 2}));
        QCOMPARE(loaded->versionDescription(2, Dialect::Sqlite), QStringLiteral("Second release"));
        QCOMPARE(loaded->versionDescription(1, Dialect::Sqlite), QStringLiteral("tables"));
    }

    void checksumIsSha256OfTheExactBytes()
    {
        const QByteArray bytes = "-- Migration: 001_x\r\nCREATE TABLE x (id INT);  \r\n";
        SetBuilder set;
        set.file(QStringLiteral("001_x.sql"), bytes);
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->steps.first().checksum,
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }

    void numberedLayoutReadsTheHeaderComments()
    {
        SetBuilder set;
        set.file(QStringLiteral("003_add_user_tracking.sql"),
                 "-- Migration: 003_add_user_tracking\n-- Description: Add user tracking and audit tables\n"
                 "-- Created: 2026-01-14\nCREATE TABLE user_actions (id INT);\n")
            .file(QStringLiteral("003_add_user_tracking.down.sql"), "DROP TABLE user_actions;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY(loaded.ok());
        const MigrationStep& s = loaded->steps.first();
        QCOMPARE(s.layout, QStringLiteral("numbered"));
        QCOMPARE(s.slot(), QStringLiteral("3.1"));
        QCOMPARE(s.header.migration, QStringLiteral("003_add_user_tracking"));
        QCOMPARE(s.header.description, QStringLiteral("Add user tracking and audit tables"));
        QCOMPARE(s.header.created, QStringLiteral("2026-01-14"));
        QCOMPARE(s.rollbackPath, QStringLiteral("003_add_user_tracking.down.sql"));
    }

    void flywayGolangDbmateAndPrismaLayouts()
    {
        SetBuilder set;
        set.file(QStringLiteral("V1__users.sql"), "CREATE TABLE users (id INT);\n")
            .file(QStringLiteral("U1__users.sql"), "DROP TABLE users;\n")
            .file(QStringLiteral("2_orders.up.sql"), "CREATE TABLE orders (id INT);\n")
            .file(QStringLiteral("2_orders.down.sql"), "DROP TABLE orders;\n")
            .file(QStringLiteral("20240101120000_fills.sql"),
                  "-- migrate:up transaction:false\nCREATE TABLE fills (id INT);\n\n-- migrate:down\nDROP "
                  "TABLE "
                  "fills;\n")
            .file(QStringLiteral("20241022_strategy_plan/migration.sql"), "CREATE TABLE plan (id INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toText()));
        QCOMPARE(loaded->steps.size(), 4);
        QCOMPARE(loaded->steps.at(0).layout, QStringLiteral("flyway"));
        QCOMPARE(loaded->steps.at(0).rollbackPath, QStringLiteral("U1__users.sql"));
        QCOMPARE(loaded->steps.at(1).layout, QStringLiteral("golang-migrate"));
        QCOMPARE(loaded->steps.at(1).rollbackPath, QStringLiteral("2_orders.down.sql"));
        QCOMPARE(loaded->steps.at(2).layout, QStringLiteral("prisma"));
        QCOMPARE(loaded->steps.at(2).version, 20241022);
        const MigrationStep& dbmate = loaded->steps.at(3);
        QCOMPARE(dbmate.layout, QStringLiteral("dbmate"));
        QCOMPARE(dbmate.version, 20240101120000LL);
        QVERIFY(!dbmate.transactional());
        QCOMPARE(dbmate.forwardFirstLine, 2);
        QVERIFY(dbmate.forwardSql.contains("CREATE TABLE fills"));
        QVERIFY(!dbmate.forwardSql.contains("DROP TABLE"));
        QCOMPARE(dbmate.rollbackFirstLine, 5);
        QVERIFY(dbmate.rollbackSql.contains("DROP TABLE fills"));
    }

    void twoFilesInOneSlotAreBothKept()
    {
        // Seed 002's branch conflict: the planner reports it; the loader must not hide one of the files.
        SetBuilder set;
        set.file(QStringLiteral("003_portfolio_analytics.sql"), "CREATE TABLE p (id INT);\n")
            .file(QStringLiteral("003_strategy_execution.sql"), "CREATE TABLE s (id INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->steps.size(), 2);
        QCOMPARE(loaded->steps.at(0).slot(), loaded->steps.at(1).slot());
    }

    void badInputNamesTheFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("non-utf8") << QStringLiteral("001_latin1.sql")
                                  << QByteArray("CREATE TABLE caf\xe9 (x INT);\n")
                                  << QStringLiteral("not UTF-8");
        // An empty step of Strata's own layout, and a comment-only file with seed 001's header, are errors; a
        // top-level empty 001_empty.sql is sqlx's no-op step (tst_tool_layouts).
        QTest::newRow("empty") << QStringLiteral("001_v1/01_empty.sql") << QByteArray("")
                               << QStringLiteral("is empty");
        QTest::newRow("comments only")
            << QStringLiteral("001_todo.sql") << QByteArray("-- Migration: 001_todo\n/* later */\n;\n")
            << QStringLiteral("is empty");
        QTest::newRow("unknown directive")
            << QStringLiteral("001_x.sql") << QByteArray("-- strata:phse core\nCREATE TABLE x (id INT);\n")
            << QStringLiteral("unknown directive strata:phse");
        QTest::newRow("bad dialect") << QStringLiteral("001_x.sql")
                                     << QByteArray("-- strata:dialect oracle\nCREATE TABLE x (id INT);\n")
                                     << QStringLiteral("oracle");
        QTest::newRow("not a step name in a version folder")
            << QStringLiteral("002_v2/add-users.sql") << QByteArray("CREATE TABLE x (id INT);\n")
            << QStringLiteral("no step name");
        QTest::newRow("orphan rollback") << QStringLiteral("004_x.down.sql") << QByteArray("DROP TABLE x;\n")
                                         << QStringLiteral("no forward migration");
        QTest::newRow("dialect mismatch")
            << QStringLiteral("001_x.sqlite.sql")
            << QByteArray("-- strata:dialect postgresql\nCREATE TABLE x (id INT);\n")
            << QStringLiteral("named for sqlite");
        // Numbers too large to hold were read as 0: the step became version 0, or required version 0.
        QTest::newRow("version too large")
            << QStringLiteral("99999999999999999999_x.sql") << QByteArray("CREATE TABLE x (id INT);\n")
            << QStringLiteral("too large");
        QTest::newRow("flyway version too large")
            << QStringLiteral("V18446744073709551616__x.sql") << QByteArray("CREATE TABLE x (id INT);\n")
            << QStringLiteral("too large");
        QTest::newRow("step too large")
            << QStringLiteral("002_v2/2147483648_x.sql") << QByteArray("CREATE TABLE x (id INT);\n")
            << QStringLiteral("too large");
        QTest::newRow("required version too large")
            << QStringLiteral("002_x.sql")
            << QByteArray("-- strata:requires 1666666666666666666666666\nCREATE TABLE x (id INT);\n")
            << QStringLiteral("\"1666666666666666666666666\" is not a version");
        QTest::newRow("required step too large")
            << QStringLiteral("002_x.sql") << QByteArray("-- strata:requires 1.99999999999\nSELECT 1;\n")
            << QStringLiteral("\"1.99999999999\" is not a version");
    }

    void badInputNamesTheFile()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        SetBuilder set;
        set.file(file, bytes);
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ExitCode::BadInput);
        QVERIFY2(loaded.error().what.contains(file), qPrintable(loaded.error().what));
        QVERIFY2(loaded.error().what.contains(expected), qPrintable(loaded.error().what));
        QVERIFY(!loaded.error().next.isEmpty());
    }

    void unknownDirectiveNamesTheLine()
    {
        SetBuilder set;
        set.file(QStringLiteral("001_x.sql"),
                 "-- Migration: 001_x\n-- Created: today\n-- strata:optoin y\nSELECT 1;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().what.startsWith(QStringLiteral("001_x.sql:3:")),
                 qPrintable(loaded.error().what));
    }

    void missingFolderIsBadInput()
    {
        auto loaded = MigrationSetLoader::load(QStringLiteral("/nonexistent/strata/set"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ExitCode::BadInput);
        QVERIFY(loaded.error().next.contains(QStringLiteral("--migrations")));
    }

    void brokenManifestNamesTheLine()
    {
        SetBuilder set;
        set.file(QStringLiteral("strata.yaml"), "name: x\noptions: [unclosed\n")
            .file(QStringLiteral("001_x.sql"), "SELECT 1;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().what.contains(QStringLiteral("strata.yaml:")),
                 qPrintable(loaded.error().what));
    }

    void folderIsListedAsQDirListsIt()
    {
        // The loader lists a folder with readdir: what it sees must be exactly what QDir shows (hidden files,
        // links taken as what they point to, broken links and pipes left out, case-sensitive name order).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        for (const char* name : {"b_second.sql", "B_upper.sql", "a_first.sql", ".hidden.sql", "10_ten.sql"}) {
            QFile file(root + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("SELECT 1;\n");
        }
        QVERIFY(QDir(root).mkdir(QStringLiteral("002_v2")));
        QVERIFY(
            QFile::link(root + QStringLiteral("/a_first.sql"), root + QStringLiteral("/link_to_file.sql")));
        QVERIFY(QFile::link(root + QStringLiteral("/002_v2"), root + QStringLiteral("/link_to_folder")));
        QVERIFY(QFile::link(root + QStringLiteral("/gone.sql"), root + QStringLiteral("/broken_link.sql")));
        QVERIFY(::mkfifo(QFile::encodeName(root + QStringLiteral("/a_pipe")).constData(), 0600) == 0);

        QStringList expected;
        for (const QFileInfo& info : QDir(root).entryInfoList(
                 QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name))
            expected << info.fileName() + (info.isDir() ? QStringLiteral("/") : QString());
        QStringList listed;
        for (const auto& entry : FolderEntries::list(root))
            listed << entry.name + (entry.isDir ? QStringLiteral("/") : QString());
        QCOMPARE(listed, expected);
        QCOMPARE(listed,
                 (QStringList{QStringLiteral(".hidden.sql"), QStringLiteral("002_v2/"),
                              QStringLiteral("10_ten.sql"), QStringLiteral("B_upper.sql"),
                              QStringLiteral("a_first.sql"), QStringLiteral("b_second.sql"),
                              QStringLiteral("link_to_file.sql"), QStringLiteral("link_to_folder/")}));
    }

    void aFolderWhereAFileShouldBeIsBadInput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto read = TextFile::read(dir.path());
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ExitCode::BadInput);
        QVERIFY2(read.error().what.contains(dir.path()), qPrintable(read.error().what));
        const auto missing = TextFile::read(dir.path() + QStringLiteral("/nothing.sql"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().what.contains(QStringLiteral("does not exist")),
                 qPrintable(missing.error().what));
    }
};

QTEST_GUILESS_MAIN(TestMigrationSetLoader)
#include "tst_migration_set_loader.moc"
