#include <QElapsedTimer>
#include <QtTest>

#include "SetBuilder.h"
#include "common/TextFile.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationSetLoader.h"
#include "tools/dbmate/DbmateSqlFile.h"
#include "tools/flyway/FlywayVersion.h"

using namespace strata;
using namespace strata::test;

namespace {

QString errorOf(const Result<MigrationSet>& r)
{
    return r.ok() ? QString() : r.error().toText();
}

QStringList forwardPaths(const MigrationSet& set)
{
    QStringList paths;
    for (const auto& s : set.steps)
        paths << s.forwardPath;
    return paths;
}

const MigrationStep* stepAt(const MigrationSet& set, const QString& forwardPath)
{
    for (const auto& s : set.steps)
        if (s.forwardPath == forwardPath)
            return &s;
    return nullptr;
}

/// Loads a set that must be refused, and returns its error's text (empty if it loaded).
QString refusal(SetBuilder& set)
{
    auto loaded = MigrationSetLoader::load(set.path());
    if (loaded.ok())
        return {};
    [&] { QCOMPARE(loaded.error().code, ExitCode::BadInput); }();
    return loaded.error().toText();
}

} // namespace

/// Each rule of docs/migration-sets.md ("Other layouts") as the tool it follows reads it.
class TestToolLayouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- golang-migrate v4.19.1
    void golangMigrateVersionsAreOrderedAsNumbers()
    {
        SetBuilder set;
        set.file(QStringLiteral("100_d.up.sql"), "SELECT 100;\n")
            .file(QStringLiteral("10_c.up.sql"), "SELECT 10;\n")
            .file(QStringLiteral("9_b.up.sql"), "SELECT 9;\n")
            .file(QStringLiteral("1_a.up.sql"), "SELECT 1;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(forwardPaths(*loaded),
                 (QStringList{QStringLiteral("1_a.up.sql"), QStringLiteral("9_b.up.sql"),
                              QStringLiteral("10_c.up.sql"), QStringLiteral("100_d.up.sql")}));
        QCOMPARE(loaded->steps.first().layout, QStringLiteral("golang-migrate"));
    }

    void golangMigrateEmptyOrCommentOnlyUpIsANoOpStep()
    {
        SetBuilder set;
        set.file(QStringLiteral("1_empty.up.sql"), "")
            .file(QStringLiteral("2_comments.up.sql"), "-- nothing to do here\n/* really */\n;\n")
            .file(QStringLiteral("3_real.up.sql"), "CREATE TABLE t (x INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 3);
        QVERIFY(loaded->steps.at(0).noOp);
        QVERIFY(loaded->steps.at(1).noOp);
        QVERIFY(!loaded->steps.at(2).noOp);
    }

    void golangMigrateEmptyOrMissingDownMeansNoRollback()
    {
        SetBuilder set;
        set.file(QStringLiteral("1_a.up.sql"), "CREATE TABLE a (x INT);\n")
            .file(QStringLiteral("1_a.down.sql"), "")
            .file(QStringLiteral("2_b.up.sql"), "CREATE TABLE b (x INT);\n")
            .file(QStringLiteral("2_b.down.sql"), "-- cannot be undone\n")
            .file(QStringLiteral("3_c.up.sql"), "CREATE TABLE c (x INT);\n")
            .file(QStringLiteral("4_d.up.sql"), "CREATE TABLE d (x INT);\n")
            .file(QStringLiteral("4_d.down.sql"), "DROP TABLE d;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 4);
        QVERIFY(!loaded->steps.at(0).hasRollback());
        QVERIFY(!loaded->steps.at(1).hasRollback());
        QVERIFY(!loaded->steps.at(2).hasRollback());
        QCOMPARE(loaded->steps.at(3).rollbackPath, QStringLiteral("4_d.down.sql"));
    }

    void golangMigrateTakesAnyExtensionAfterUpOrDown()
    {
        // source.Regex: ^([0-9]+)_(.*)\.(down|up)\.(.*)$
        SetBuilder set;
        set.file(QStringLiteral("1_init.up.psql"), "CREATE TABLE a (x INT);\n")
            .file(QStringLiteral("1_init.down.psql"), "DROP TABLE a;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 1);
        QCOMPARE(loaded->steps.first().rollbackPath, QStringLiteral("1_init.down.psql"));
    }

    void aDownFileWithoutItsUpFileIsAnErrorNamingIt()
    {
        SetBuilder set;
        set.file(QStringLiteral("1_a.up.sql"), "SELECT 1;\n")
            .file(QStringLiteral("2_b.down.sql"), "SELECT 2;\n");
        QVERIFY(refusal(set).contains(QStringLiteral("2_b.down.sql")));
    }

    // ---- dbmate 2.36.0
    void dbmateMarkersCountOnlyInTheFirstColumn()
    {
        // An indented "-- migrate:down" is a comment to dbmate: the file then has no down block.
        SetBuilder indented;
        indented.file(QStringLiteral("20240101000000_a.sql"),
                      "-- migrate:up\nCREATE TABLE a (x INT);\n  -- migrate:down\n");
        QVERIFY(refusal(indented).contains(QStringLiteral("down block")));

        // A marker indented inside a statement stays part of the statement.
        SetBuilder inside;
        const QByteArray body =
            "-- migrate:up\nCREATE FUNCTION f() RETURNS int AS $$\n    -- migrate:down is not here\n"
            "    SELECT 1;\n$$ LANGUAGE sql;\n-- migrate:down\nDROP FUNCTION f();\n";
        inside.file(QStringLiteral("20240101000000_f.sql"), body);
        auto loaded = MigrationSetLoader::load(inside.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const MigrationStep& s = loaded->steps.first();
        QCOMPARE(s.layout, QStringLiteral("dbmate"));
        QVERIFY(s.forwardSql.contains("    -- migrate:down is not here\n    SELECT 1;\n$$ LANGUAGE sql;"));
        QCOMPARE(s.rollbackSql, QByteArray("DROP FUNCTION f();\n"));
        QCOMPARE(s.rollbackFirstLine, 7);

        // "--migrate:up" and a tab after "--" are markers; "-- migrate:upgrade" is not an up marker.
        QVERIFY(DbmateSqlFile::parse("--migrate:up\nSELECT 1;\n--\tmigrate:down\nSELECT 2;\n", "a.sql").ok());
        QVERIFY(!DbmateSqlFile::parse("-- migrate:upgrade\nSELECT 1;\n-- migrate:down\n", "a.sql").ok());
    }

    void dbmateTransactionFalseOnTheMarkerLine()
    {
        auto f =
            DbmateSqlFile::parse("-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (x);\n"
                                 "-- migrate:down\nDROP INDEX i;\n",
                                 "a.sql");
        QVERIFY(f.ok());
        QVERIFY(!f->upTransaction);
        QVERIFY(f->downTransaction);
        auto other = DbmateSqlFile::parse(
            "-- migrate:up foo:bar transaction:true\nSELECT 1;\n-- migrate:down\n", "a.sql");
        QVERIFY(other.ok());
        QVERIFY(other->upTransaction);
        SetBuilder set;
        set.file(QStringLiteral("20240101000000_idx.sql"),
                 "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (x);\n-- migrate:down "
                 "transaction:false\nDROP INDEX CONCURRENTLY i;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(!loaded->steps.first().transactional());
    }

    void dbmateRequiresADownBlockAndAnUpBlockFirst()
    {
        SetBuilder noDown;
        noDown.file(QStringLiteral("20240101000000_a.sql"), "-- migrate:up\nCREATE TABLE a (x INT);\n");
        const QString noDownError = refusal(noDown);
        QVERIFY2(noDownError.contains(QStringLiteral("20240101000000_a.sql")), qPrintable(noDownError));
        QVERIFY2(noDownError.contains(QStringLiteral("'-- migrate:down'")), qPrintable(noDownError));

        SetBuilder noUp;
        noUp.file(QStringLiteral("20240101000000_a.sql"), "-- migrate:down\nDROP TABLE a;\n");
        QVERIFY(refusal(noUp).contains(QStringLiteral("up block")));

        SetBuilder before;
        before.file(QStringLiteral("20240101000000_a.sql"),
                    "CREATE TYPE s AS ENUM ('a');\n-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        QVERIFY(refusal(before).contains(QStringLiteral("preceding")));

        SetBuilder twoDowns;
        twoDowns.file(QStringLiteral("20240101000000_a.sql"),
                      "-- migrate:up\nSELECT 1;\n-- migrate:down\n-- migrate:down\n");
        QVERIFY(refusal(twoDowns).contains(QStringLiteral("preceded by")));

        SetBuilder twoUps;
        twoUps.file(QStringLiteral("20240101000000_a.sql"),
                    "-- migrate:up\nSELECT 1;\n-- migrate:down\n-- migrate:up\nSELECT 2;\n-- migrate:down\n");
        QVERIFY(refusal(twoUps).contains(QStringLiteral("second '-- migrate:up'")));
    }

    void dbmateEmptyUpIsANoOpAndAnEmptyDownStillRollsBack()
    {
        SetBuilder set;
        set.file(QStringLiteral("20240101000000_nothing.sql"), "-- migrate:up\n\n-- migrate:down\n\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const MigrationStep& s = loaded->steps.first();
        QVERIFY(s.noOp);
        // dbmate rolls such a file back by deleting its row: the step has a rollback that runs nothing.
        QVERIFY(s.hasRollback());
        QCOMPARE(s.rollbackPath, QStringLiteral("20240101000000_nothing.sql"));
    }

    void aFileWithoutDbmateMarkersIsNoDbmateFile()
    {
        SetBuilder set;
        set.file(QStringLiteral("20240101000000_plain.sql"), "CREATE TABLE a (x INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.first().layout, QStringLiteral("numbered"));
    }

    // ---- Flyway
    void flywayVersionsAreOrderedAsVersions()
    {
        SetBuilder set;
        for (const char* name : {"V10__j.sql", "V2.0.1__f.sql", "V1_2__c.sql", "V55_3__g.sql", "V1.1__b.sql",
                                 "V2__d.sql", "V1__a.sql", "V1.10__e.sql"})
            set.file(QString::fromLatin1(name), "SELECT 1;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QStringList versions;
        for (const auto& s : loaded->steps)
            versions << (s.toolVersion);
        QCOMPARE(versions, (QStringList{"1", "1.1", "1.2", "1.10", "2", "2.0.1", "10", "55.3"}));
        const MigrationStep* v553 = stepAt(*loaded, QStringLiteral("V55_3__g.sql"));
        QVERIFY(v553);
        QCOMPARE(v553->version, 55);
        QCOMPARE(v553->step, 3000001);
    }

    void flywayVersionMappingIsStableAndOrderPreserving()
    {
        const auto v = [](const char* text) {
            return *FlywayVersion::parse(QString::fromLatin1(text), "f.sql");
        };
        QCOMPARE(v("2").version, 2);
        QCOMPARE(v("2").step, 1);
        QCOMPARE(v("2.0").step, 1); // trailing zeros are ignored, as Flyway compares versions
        QCOMPARE(v("2.0.0.0").step, 1);
        QCOMPARE(v("2.1").step, 1000001);
        QCOMPARE(v("2.1.2").step, 1002001);
        QCOMPARE(v("2.1.2.3").step, 1002004);
        QCOMPARE(v("2.999.999.999").step, 999999999 + 1);
        QVERIFY(v("2.1.2").step < v("2.1.10").step);
        QVERIFY(v("2.9").step < v("2.10").step);
        QCOMPARE(v("20240101.1").version, 20240101);
        QCOMPARE(v("3_1").text, QStringLiteral("3.1"));
    }

    void aFlywayVersionThatIsNoVersionIsAnErrorNamingTheFile()
    {
        for (const char* name : {"V1.x__a.sql", "V1..2__a.sql", "V1.1000__a.sql", "V1.2.3.4.5__a.sql",
                                 "V__a.sql", "R1__a.sql"}) {
            SetBuilder set;
            set.file(QString::fromLatin1(name), "SELECT 1;\n");
            const QString error = refusal(set);
            QVERIFY2(error.contains(QString::fromLatin1(name)),
                     qPrintable(QString::fromLatin1(name) + ": " + error));
        }
    }

    void flywayUndoIsTheRollbackOfItsVersion()
    {
        SetBuilder set;
        set.file(QStringLiteral("V2.1__add_fills.sql"), "CREATE TABLE fills (x INT);\n")
            .file(QStringLiteral("U2.1__drop_fills.sql"), "DROP TABLE fills;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 1);
        QCOMPARE(loaded->steps.first().rollbackPath, QStringLiteral("U2.1__drop_fills.sql"));
        SetBuilder orphan;
        orphan.file(QStringLiteral("V1__a.sql"), "SELECT 1;\n")
            .file(QStringLiteral("U2__b.sql"), "SELECT 2;\n");
        QVERIFY(refusal(orphan).contains(QStringLiteral("U2__b.sql")));
    }

    void flywayRepeatablesComeLastInDescriptionOrder()
    {
        SetBuilder set;
        set.file(QStringLiteral("R__positions_view.sql"), "CREATE VIEW p AS SELECT 1;\n")
            .file(QStringLiteral("R__Accounts_view.sql"), "CREATE VIEW a AS SELECT 1;\n")
            .file(QStringLiteral("V1__init.sql"), "CREATE TABLE t (x INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 3);
        QVERIFY(!loaded->steps.at(0).repeatable);
        QVERIFY(loaded->steps.at(1).repeatable);
        QCOMPARE(loaded->steps.at(1).name, QStringLiteral("Accounts view"));
        QCOMPARE(loaded->steps.at(1).step, 1);
        QCOMPARE(loaded->steps.at(2).name, QStringLiteral("positions view"));
        QCOMPARE(loaded->steps.at(2).step, 2);
        QCOMPARE(loaded->steps.at(2).version, 0);
    }

    void flywayPlaceholdersAreRefusedUnlessTheManifestDefinesThem()
    {
        const QByteArray bytes = "-- for ${schema}\nCREATE TABLE ${Schema}.fills (x INT);\nGRANT SELECT ON "
                                 "${schema}.fills TO ${reader};\n";
        SetBuilder refused;
        refused.file(QStringLiteral("V1__fills.sql"), bytes);
        const QString error = refusal(refused);
        QVERIFY2(error.contains(QStringLiteral("V1__fills.sql:1")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("${schema}")), qPrintable(error));

        SetBuilder defined;
        defined.file(QStringLiteral("strata.yaml"), "placeholders:\n  SCHEMA: trading\n  reader: analyst\n")
            .file(QStringLiteral("V1__fills.sql"), bytes);
        auto loaded = MigrationSetLoader::load(defined.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const MigrationStep& s = loaded->steps.first();
        QCOMPARE(s.forwardSql,
                 QByteArray("-- for trading\nCREATE TABLE trading.fills (x INT);\nGRANT SELECT ON "
                            "trading.fills TO analyst;\n"));
        QCOMPARE(s.checksum, TextFile::sha256(bytes)); // the file's own bytes

        SetBuilder partly;
        partly.file(QStringLiteral("strata.yaml"), "placeholders:\n  schema: trading\n")
            .file(QStringLiteral("V1__fills.sql"), bytes);
        QVERIFY(refusal(partly).contains(QStringLiteral("${reader}")));
    }

    void flywayEmptyScriptsSameVersionsAndLetterCase()
    {
        SetBuilder set;
        set.file(QStringLiteral("V1__empty.sql"), "-- nothing yet\n")
            .file(QStringLiteral("V2__a.sql"), "SELECT 2;\n")
            .file(QStringLiteral("V2.0__b.sql"), "SELECT 2;\n")
            .file(QStringLiteral("v3__lower.sql"), "SELECT 3;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 3);
        QVERIFY(loaded->steps.at(0).noOp); // Flyway runs no statement and records it
        // 2 and 2.0 are one version to Flyway: one slot, which the planner reports as a conflict.
        QCOMPARE(loaded->steps.at(1).slot(), loaded->steps.at(2).slot());
        // The prefix is case-sensitive: "v3__" is no Flyway name.
        QCOMPARE(loaded->ignored.size(), 1);
        QCOMPARE(loaded->ignored.first().path, QStringLiteral("v3__lower.sql"));
    }

    void flywayDropsALeadingByteOrderMark()
    {
        const QByteArray bytes = "\xEF\xBB\xBF-- Description: holidays\nCREATE TABLE holidays (day DATE);\n";
        SetBuilder set;
        set.file(QStringLiteral("V1__holidays.sql"), bytes)
            .file(QStringLiteral("U1__holidays.sql"), "\xEF\xBB\xBF"
                                                      "DROP TABLE holidays;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const MigrationStep& s = loaded->steps.first();
        QVERIFY(s.forwardSql.startsWith("-- Description"));
        QVERIFY(s.rollbackSql.startsWith("DROP TABLE"));
        QCOMPARE(s.header.description, QStringLiteral("holidays"));
        QCOMPARE(s.checksum, TextFile::sha256(bytes));
    }

    void flywayReadsSubfoldersAsItsLocationScan()
    {
        SetBuilder set;
        set.file(QStringLiteral("V1__init.sql"), "CREATE TABLE a (x INT);\n")
            .file(QStringLiteral("release_2/V2__orders.sql"), "CREATE TABLE o (x INT);\n")
            .file(QStringLiteral("release_2/hotfix/V2.1__index.sql"), "CREATE INDEX i ON o (x);\n")
            .file(QStringLiteral("release_2/hotfix/U2.1__index.sql"), "DROP INDEX i;\n")
            .file(QStringLiteral("release_2/notes.txt"), "why\n")
            .file(QStringLiteral("docs/README.md"), "no scripts here\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(forwardPaths(*loaded), (QStringList{"V1__init.sql", "release_2/V2__orders.sql",
                                                     "release_2/hotfix/V2.1__index.sql"}));
        QCOMPARE(loaded->steps.at(2).rollbackPath, QStringLiteral("release_2/hotfix/U2.1__index.sql"));
        QStringList ignored;
        for (const auto& i : loaded->ignored)
            ignored << i.path;
        QCOMPARE(ignored, (QStringList{"docs", "release_2/notes.txt"}));
    }

    void flywayCallbacksAreListedAsIgnored()
    {
        SetBuilder set;
        set.file(QStringLiteral("V1__a.sql"), "SELECT 1;\n")
            .file(QStringLiteral("afterMigrate.sql"), "GRANT x;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->ignored.size(), 1);
        QCOMPARE(loaded->ignored.first().path, QStringLiteral("afterMigrate.sql"));
        QVERIFY(loaded->ignored.first().reason.contains(QStringLiteral("callback")));
    }

    // ---- goose v3.27.3
    void aFileWithGooseAnnotationsIsNeverPlainSql()
    {
        SetBuilder set;
        set.file(QStringLiteral("00001_fills.sql"),
                 "-- +goose up\nCREATE TABLE fills (x INT);\n-- +goose down\nDROP TABLE fills;\n")
            .file(QStringLiteral("00002_idx.sql"),
                  "-- +goose no transaction\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON fills (x);\n")
            .file(QStringLiteral("00003_nothing.sql"), "-- +goose Up\n-- +goose Down\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.at(0).layout, QStringLiteral("goose"));
        QVERIFY(!loaded->steps.at(0).forwardSql.contains("DROP"));
        QVERIFY(loaded->steps.at(0).transactional());
        QVERIFY(!loaded->steps.at(1).transactional());
        QVERIFY(loaded->steps.at(2).noOp);

        SetBuilder twoUps;
        twoUps.file(QStringLiteral("00001_a.sql"), "-- +goose Up\nSELECT 1;\n-- +goose Up\nSELECT 2;\n");
        QVERIFY(refusal(twoUps).contains(QStringLiteral("00001_a.sql, line 3")));

        // In a version folder of Strata's own layout too.
        SetBuilder strata;
        strata.file(QStringLiteral("001_base/01_fills.sql"),
                    "-- +goose Up\nCREATE TABLE fills (x INT);\n-- +goose Down\nDROP TABLE fills;\n");
        auto inFolder = MigrationSetLoader::load(strata.path());
        QVERIFY2(inFolder.ok(), qPrintable(errorOf(inFolder)));
        QVERIFY(!inFolder->steps.first().forwardSql.contains("DROP"));
        QCOMPARE(inFolder->steps.first().rollbackSql, QByteArray("DROP TABLE fills;\n"));

        SetBuilder badName;
        badName.file(QStringLiteral("seed.sql"), "-- +goose Up\nINSERT INTO t VALUES (1);\n");
        QVERIFY(refusal(badName).contains(QStringLiteral("seed.sql has goose annotations")));
    }

    // ---- Prisma
    void prismaLockProviderIsRecordedForThePlanner()
    {
        SetBuilder set;
        set.file(QStringLiteral("migration_lock.toml"),
                 "# Please do not edit this file manually\nprovider = \"postgresql\"\n")
            .file(QStringLiteral("20241022120000_init/migration.sql"), "CREATE TABLE plan (id INT);\n")
            .file(QStringLiteral("20241023120000_empty/migration.sql"), "-- This is an empty migration.\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->providerLock);
        QCOMPARE(loaded->providerLock->path, QStringLiteral("migration_lock.toml"));
        QCOMPARE(loaded->providerLock->provider, QStringLiteral("postgresql"));
        QVERIFY(loaded->providerLock->matches(Dialect::Postgres));
        QVERIFY(!loaded->providerLock->matches(Dialect::Sqlite));
        QVERIFY(loaded->ignored.isEmpty());
        QCOMPARE(loaded->steps.size(), 2);
        QVERIFY(loaded->steps.at(1).noOp);

        // The planner reports the other engine's lock as a problem naming the file, before anything runs.
        HistoryState history;
        MigrationPlanner planner(*loaded, Dialect::Sqlite, history, {});
        auto plan = planner.planUp({});
        QVERIFY(plan.ok());
        bool named = false;
        for (const auto& p : plan->problems)
            named = named || (p.kind == Problem::Kind::WrongDialect &&
                              p.files.contains(QStringLiteral("migration_lock.toml")) &&
                              p.message.contains(QStringLiteral("postgresql")));
        QVERIFY(named);
        MigrationPlanner pg(*loaded, Dialect::Postgres, history, {});
        auto pgPlan = pg.planUp({});
        QVERIFY(pgPlan.ok());
        for (const auto& p : pgPlan->problems)
            QVERIFY(p.kind != Problem::Kind::WrongDialect);
    }

    void aPrismaLockWithoutProviderMatchesNoEngine()
    {
        SetBuilder set;
        set.file(QStringLiteral("migration_lock.toml"), "# empty\n")
            .file(QStringLiteral("20241022120000_init/migration.sql"), "CREATE TABLE plan (id INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->providerLock->provider, QStringLiteral("<PROVIDER NOT FOUND>"));
        QVERIFY(!loaded->providerLock->matches(Dialect::Sqlite));
    }

    // ---- sqlx 0.8
    void sqlxSimpleAndReversibleFiles()
    {
        SetBuilder set;
        set.file(QStringLiteral("20240101000000_accounts.sql"), "CREATE TABLE accounts (id INT);\n")
            .file(QStringLiteral("20240102000000_orders.up.sql"), "CREATE TABLE orders (id INT);\n")
            .file(QStringLiteral("20240102000000_orders.down.sql"), "DROP TABLE orders;\n")
            .file(QStringLiteral("20240103000000_idx.up.sql"),
                  "-- no-transaction\nCREATE INDEX CONCURRENTLY i ON orders (id);\n")
            .file(QStringLiteral("20240103000000_idx.down.sql"), "DROP INDEX CONCURRENTLY i;\n")
            .file(QStringLiteral("20240104000000_late.sql"), "SELECT 1;\n-- no-transaction\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 4);
        QVERIFY(!loaded->steps.at(0).hasRollback());
        QCOMPARE(loaded->steps.at(1).rollbackPath, QStringLiteral("20240102000000_orders.down.sql"));
        const MigrationStep& idx = loaded->steps.at(2);
        QCOMPARE(idx.layout, QStringLiteral("sqlx"));
        QVERIFY(!idx.transactional());
        QCOMPARE(idx.rollbackPath, QStringLiteral("20240103000000_idx.down.sql"));
        QVERIFY(loaded->steps.at(3).transactional()); // only the file's very start counts
    }

    void numberedAndSqlxEmptyFilesAreNoOpSteps()
    {
        // sqlx 0.8 applies and records an empty simple file; seed 001's names are the same.
        SetBuilder set;
        set.file(QStringLiteral("20240113110000_empty.sql"), "")
            .file(QStringLiteral("20240114110000_reserved.sql"), "-- Add migration script here\n")
            .file(QStringLiteral("20240115110000_real.sql"), "CREATE TABLE t (x INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 3);
        QVERIFY(loaded->steps.at(0).noOp);
        QVERIFY(loaded->steps.at(1).noOp);
        QVERIFY(!loaded->steps.at(2).noOp);
        QCOMPARE(loaded->steps.at(0).layout, QStringLiteral("numbered"));

        // With seed 001's header it is its runner's placeholder: refused, naming the file.
        SetBuilder seed001;
        seed001.file(QStringLiteral("002_placeholder.sql"), "-- Migration: 002_placeholder\n/* later */\n");
        const QString error = refusal(seed001);
        QVERIFY2(error.contains(QStringLiteral("002_placeholder.sql is empty")), qPrintable(error));
    }

    // ---- every layout: what no layout takes
    void filesNoLayoutTakesAreListedAsIgnored()
    {
        SetBuilder set;
        set.file(QStringLiteral("001_init.sql"), "CREATE TABLE t (x INT);\n")
            .file(QStringLiteral("README.md"), "how we migrate\n")
            .file(QStringLiteral("seed.sql"), "INSERT INTO t VALUES (1);\n")
            .file(QStringLiteral("schema.sql"), "CREATE TABLE t (x INT);\n")
            .file(QStringLiteral("add-users.sql"), "CREATE TABLE u (x INT);\n")
            .file(QStringLiteral(".gitkeep"), "")
            .file(QStringLiteral("notes/todo.txt"), "later\n")
            .file(QStringLiteral("5.sql"), "SELECT 5;\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->steps.size(), 1);
        QStringList paths;
        for (const auto& i : loaded->ignored) {
            paths << i.path;
            QVERIFY2(!i.reason.isEmpty(), qPrintable(i.path));
        }
        paths.sort();
        QCOMPARE(paths, (QStringList{".gitkeep", "5.sql", "README.md", "add-users.sql", "notes", "schema.sql",
                                     "seed.sql"}));
    }

    void aFolderThatMixesLayoutsReadsEachFileByItsOwnTool()
    {
        SetBuilder set;
        set.file(QStringLiteral("1_accounts.up.sql"), "CREATE TABLE accounts (x INT);\n")
            .file(QStringLiteral("1_accounts.down.sql"), "DROP TABLE accounts;\n")
            .file(QStringLiteral("2_orders.sql"),
                  "-- +goose Up\nCREATE TABLE orders (x INT);\n-- +goose Down\nDROP TABLE orders;\n")
            .file(QStringLiteral("3_fills.sql"),
                  "-- migrate:up\nCREATE TABLE fills (x INT);\n-- migrate:down\nDROP TABLE fills;\n")
            .file(QStringLiteral("4_notes.sql"), "CREATE TABLE notes (x INT);\n")
            .file(QStringLiteral("V5__prices.sql"), "CREATE TABLE prices (x INT);\n");
        auto loaded = MigrationSetLoader::load(set.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QStringList layouts;
        for (const auto& s : loaded->steps)
            layouts << s.layout;
        QCOMPARE(layouts, (QStringList{"golang-migrate", "goose", "dbmate", "numbered", "flyway"}));
        QCOMPARE(loaded->steps.at(0).rollbackPath, QStringLiteral("1_accounts.down.sql"));
        QCOMPARE(loaded->steps.at(1).rollbackSql, QByteArray("DROP TABLE orders;\n"));
    }

    void aFolderOfOneToolReadsOtherNamesAsThatToolDoes()
    {
        // golang-migrate skips a name its regex does not parse: 21_extra.sql is listed, not run.
        SetBuilder golang;
        golang.file(QStringLiteral("1_a.up.sql"), "CREATE TABLE a (x INT);\n")
            .file(QStringLiteral("1_a.down.sql"), "DROP TABLE a;\n")
            .file(QStringLiteral("21_extra.sql"), "INSERT INTO a VALUES (1);\n");
        auto g = MigrationSetLoader::load(golang.path());
        QVERIFY2(g.ok(), qPrintable(errorOf(g)));
        QCOMPARE(g->steps.size(), 1);
        QCOMPARE(g->ignored.size(), 1);
        QCOMPARE(g->ignored.first().path, QStringLiteral("21_extra.sql"));
        QVERIFY(g->ignored.first().reason.contains(QStringLiteral("golang-migrate reads only")));

        // Flyway runs only its own names.
        SetBuilder flyway;
        flyway.file(QStringLiteral("V1__a.sql"), "SELECT 1;\n")
            .file(QStringLiteral("2_b.sql"), "SELECT 2;\n");
        auto f = MigrationSetLoader::load(flyway.path());
        QVERIFY2(f.ok(), qPrintable(errorOf(f)));
        QCOMPARE(f->steps.size(), 1);
        QVERIFY(f->ignored.first().reason.contains(QStringLiteral("Flyway reads only")));

        // dbmate and goose read every file their names take, and refuse one without their markers.
        SetBuilder dbmate;
        dbmate.file(QStringLiteral("20240101000000_a.sql"), "-- migrate:up\nSELECT 1;\n-- migrate:down\n")
            .file(QStringLiteral("20240102000000_plain.sql"), "SELECT 2;\n");
        QVERIFY(refusal(dbmate).contains(QStringLiteral("20240102000000_plain.sql is in a dbmate folder")));
        SetBuilder goose;
        goose.file(QStringLiteral("00001_a.sql"), "-- +goose Up\nSELECT 1;\n")
            .file(QStringLiteral("00002_plain.sql"), "SELECT 2;\n");
        QVERIFY(refusal(goose).contains(QStringLiteral("00002_plain.sql is in a goose folder")));

        // sqlx reads golang-migrate's pairs and seed 001's names alike: a sqlx folder keeps them all.
        SetBuilder sqlx;
        sqlx.file(QStringLiteral("1_a.up.sql"), "-- no-transaction\nSELECT 1;\n")
            .file(QStringLiteral("2_b.up.sql"), "SELECT 2;\n")
            .file(QStringLiteral("3_c.sql"), "SELECT 3;\n");
        auto x = MigrationSetLoader::load(sqlx.path());
        QVERIFY2(x.ok(), qPrintable(errorOf(x)));
        QCOMPARE(x->steps.size(), 3);
        QVERIFY(x->ignored.isEmpty());
    }

    // ---- loading time
    void loadingTwoThousandFilesStaysWellUnder100ms_data()
    {
        QTest::addColumn<QString>("layout");
        for (const char* l :
             {"golang-migrate", "dbmate", "goose", "flyway", "numbered", "sqlx", "prisma", "strata"})
            QTest::newRow(l) << QString::fromLatin1(l);
    }

    void loadingTwoThousandFilesStaysWellUnder100ms()
    {
        QFETCH(QString, layout);
        SetBuilder set;
        for (int i = 1; i <= 1000; ++i) {
            const QString n = QString::number(i);
            const QString ts = QString::number(20240101000000LL + i);
            const QByteArray create =
                "CREATE TABLE t" + n.toLatin1() + " (id INTEGER PRIMARY KEY, x TEXT);\n";
            const QByteArray drop = "DROP TABLE t" + n.toLatin1() + ";\n";
            if (layout == QLatin1String("golang-migrate")) {
                set.file(n + QStringLiteral("_t.up.sql"), create)
                    .file(n + QStringLiteral("_t.down.sql"), drop);
            } else if (layout == QLatin1String("dbmate")) {
                set.file(ts + QStringLiteral("_a.sql"),
                         "-- migrate:up\n" + create + "-- migrate:down\n" + drop)
                    .file(ts + QStringLiteral("_b.sql"),
                          "-- migrate:up\n" + create + "-- migrate:down\n" + drop);
            } else if (layout == QLatin1String("goose")) {
                set.file(ts + QStringLiteral("_a.sql"), "-- +goose Up\n" + create + "-- +goose Down\n" + drop)
                    .file(ts + QStringLiteral("1_b.sql"),
                          "-- +goose Up\n" + create + "-- +goose Down\n" + drop);
            } else if (layout == QLatin1String("flyway")) {
                set.file(QStringLiteral("V%1.1__t.sql").arg(i), create)
                    .file(QStringLiteral("U%1.1__t.sql").arg(i), drop);
            } else if (layout == QLatin1String("numbered")) {
                set.file(n + QStringLiteral("_t.sql"), create).file(n + QStringLiteral("_t.down.sql"), drop);
            } else if (layout == QLatin1String("sqlx")) {
                set.file(ts + QStringLiteral("_t.up.sql"), "-- no-transaction\n" + create)
                    .file(ts + QStringLiteral("_t.down.sql"), drop);
            } else if (layout == QLatin1String("prisma")) {
                set.file(ts + QStringLiteral("_a/migration.sql"), create)
                    .file(ts + QStringLiteral("1_b/migration.sql"), create);
            } else {
                set.file(QStringLiteral("%1_v/01_t.sql").arg(i), create)
                    .file(QStringLiteral("%1_v/01_t.down.sql").arg(i), drop);
            }
        }
        qint64 best = std::numeric_limits<qint64>::max();
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            auto loaded = MigrationSetLoader::load(set.path());
            const qint64 ms = timer.elapsed();
            QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
            QCOMPARE(loaded->steps.size() + loaded->ignored.size(),
                     layout == QLatin1String("dbmate") || layout == QLatin1String("goose") ||
                             layout == QLatin1String("prisma")
                         ? 2000
                         : 1000);
            best = std::min(best, ms);
        }
        qInfo("%s: 2,000 files loaded in %lld ms (best of 5)", qPrintable(layout), best);
        QVERIFY2(best < 100, qPrintable(QStringLiteral("%1 ms").arg(best)));
    }
};

QTEST_GUILESS_MAIN(TestToolLayouts)
#include "tst_tool_layouts.moc"
