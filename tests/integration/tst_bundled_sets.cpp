#include <QFile>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "demo/RiskStateDemo.h"

using namespace strata;
using namespace strata::test;

/// Each bundled set migrates to its head and rolls back to empty on each engine it is for, each in a
/// database of its own, and the schema after up-down-up equals the schema after one up (catalog to catalog).
class TestBundledSets : public QObject
{
    Q_OBJECT

    void roundTrip(const QString& url, const QString& setName, const QStringList& enable)
    {
        auto db = MigrationHarness::open(url);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toText()));
        auto set = MigrationHarness::load(bundledSet(setName));
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toText()));
        const QStringList empty = MigrationHarness::schemaWithoutHistory(**db);

        auto up = MigrationHarness::migrate(**db, *set, {}, enable);
        QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().toText()));
        QVERIFY(up->steps > 0);
        const QStringList once = MigrationHarness::schemaWithoutHistory(**db);
        QVERIFY(once.size() > empty.size());
        const auto head = set->versionsFor((*db)->dialect()).last();
        QCOMPARE((*db)
                     ->query(QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1"))
                     ->value(0, 0)
                     .toLongLong(),
                 head);

        auto down = MigrationHarness::rollback(**db, *set, 0);
        QVERIFY2(down.ok(), qPrintable(down.ok() ? QString() : down.error().toText()));
        QCOMPARE(MigrationHarness::schemaWithoutHistory(**db), empty);
        QVERIFY((*db)->query(QStringLiteral("SELECT version FROM schema_version"))->isEmpty());

        auto again = MigrationHarness::migrate(**db, *set, {}, enable);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toText()));
        QCOMPARE(MigrationHarness::schemaWithoutHistory(**db), once);
    }

private Q_SLOTS:
    void riskStateOnSqlite()
    {
        ScratchSqlite file;
        roundTrip(file.url(), QStringLiteral("risk_state"), {});
    }

    void riskStateWithUnrealizedPnlOnSqlite()
    {
        ScratchSqlite file;
        roundTrip(file.url(), QStringLiteral("risk_state"), {QStringLiteral("track_unrealized_pnl")});
        auto db = MigrationHarness::open(file.url());
        auto tables = (*db)->userTables();
        QVERIFY(tables->contains(QStringLiteral("daily_unrealized_pnl")));
    }

    void strategyOnSqlite()
    {
        ScratchSqlite file;
        roundTrip(file.url(), QStringLiteral("strategy"), {});
    }

    void strategyOnPostgres()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        roundTrip(scratch.url(), QStringLiteral("strategy"), {});
        auto db = MigrationHarness::open(scratch.url());
        auto labels = (*db)->query(QStringLiteral("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) "
                                                  "FROM pg_enum e JOIN pg_type t ON t.oid = "
                                                  "e.enumtypid WHERE t.typname = 'strategystatus'"));
        QCOMPARE(labels->value(0, 0).toString(),
                 QStringLiteral("EXPERIMENTAL,TESTING,PRODUCTION,RETIRED,DEPRECATED"));
    }

    void recommendationsOnPostgres()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        roundTrip(scratch.url(), QStringLiteral("recommendations"), {});
    }

    void demoDatabaseMigratesAndPassesSeed004Verification()
    {
        // Seed 004, Phase 4, check by check, on the demo v1 database after migrate.
        ScratchSqlite file;
        QFile::remove(file.path());
        QVERIFY(RiskStateDemo::create(file.path()).ok());
        auto db = MigrationHarness::open(file.url());
        const auto rowsBefore =
            (*db)->query(QStringLiteral("SELECT count(*) FROM enforcement_log"))->value(0, 0);
        auto set = MigrationHarness::load(bundledSet(QStringLiteral("risk_state")));
        auto up = MigrationHarness::migrate(**db, *set);
        QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().toText()));

        QCOMPARE((*db)
                     ->query(QStringLiteral("SELECT MAX(version) FROM schema_version WHERE success = 1"))
                     ->value(0, 0)
                     .toInt(),
                 2);
        const auto tables = (*db)->userTables().value();
        for (const char* t : {"lockouts", "daily_pnl", "contract_cache", "trade_history", "session_state",
                              "positions", "orders", "enforcement_log", "reset_schedule", "schema_version"})
            QVERIFY2(tables.contains(QString::fromLatin1(t)), t);
        QVERIFY(!tables.contains(QStringLiteral("daily_unrealized_pnl"))); // the option is off
        auto indexes = (*db)->query(QStringLiteral("SELECT name FROM sqlite_master WHERE type='index'"));
        QStringList names;
        for (const auto& r : indexes->rows)
            names << r.value(0).toString();
        for (const char* i : {"idx_enforcement_log_success", "idx_positions_updated",
                              "idx_orders_state_account", "idx_schema_version_applied"})
            QVERIFY2(names.contains(QString::fromLatin1(i)), i);
        QCOMPARE((*db)->query(QStringLiteral("PRAGMA integrity_check"))->value(0, 0).toString(),
                 QStringLiteral("ok"));
        QCOMPARE((*db)->query(QStringLiteral("SELECT COUNT(*) FROM enforcement_log"))->value(0, 0),
                 rowsBefore);
        QVERIFY((*db)->query(QStringLiteral("SELECT COUNT(*) FROM positions")).ok());
        QVERIFY((*db)->query(QStringLiteral("SELECT COUNT(*) FROM orders")).ok());
        auto versions = (*db)->query(
            QStringLiteral("SELECT version, description, success FROM schema_version ORDER BY version"));
        QCOMPARE(versions->rows.size(), 2);
        QVERIFY(versions->value(0, 1).toString().startsWith(QStringLiteral("Baseline schema - 9 tables")));
    }
};

QTEST_GUILESS_MAIN(TestBundledSets)
#include "tst_bundled_sets.moc"
