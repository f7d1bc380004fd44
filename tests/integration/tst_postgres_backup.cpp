#include <QDir>
#include <QFile>
#include <QUuid>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "backup/DatabaseBackup.h"
#include "backup/DatabaseRestore.h"
#include "dialects/postgres/PostgresRunLock.h"
#include "verify/DatabaseVerifier.h"

using namespace strata;
using namespace strata::test;

namespace {

QStringList everyRow(Database& db)
{
    QStringList rows;
    for (const char* table :
         {"strategy_registry", "strategy_versions", "strategy_performance", "strategy_lineage"}) {
        auto result = db.query(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QString::fromLatin1(table)));
        if (!result)
            return {QStringLiteral("cannot read ") + QString::fromLatin1(table) + result.error().what};
        for (const auto& row : result->rows) {
            QStringList fields{QString::fromLatin1(table)};
            for (const auto& v : row)
                fields << (v.isNull() ? QStringLiteral("NULL") : v.toString());
            rows << fields.join(QLatin1Char('|'));
        }
    }
    return rows;
}

const char* kStrategies = R"SQL(
INSERT INTO strategy_registry (strategy_id, name, version, created_at, created_by, status, signal_generator_config,
    risk_manager_config, position_sizer_config, regime_detector_config, parameters, config_hash, component_hash)
SELECT 'strat-' || g, 'family-' || (g % 7), '1.' || g, now() - g * interval '1 day', 'quant', 'TESTING',
       '{"kind": "momentum"}', '{"max_dd": 0.1}', '{"kelly": 0.5}', '{"window": 20}', jsonb_build_object('g', g),
       md5('c' || g), md5('k' || g)
FROM generate_series(1, 40) g;
INSERT INTO strategy_performance (strategy_id, version, period_start, period_end, period_type, total_return,
    total_return_pct, sharpe_ratio)
SELECT 'strat-' || (g % 40 + 1), '1.' || (g % 40 + 1), now() - g * interval '1 day', now() - (g - 1) * interval '1 day',
       'daily', (g % 13) / 100.0, (g % 13), (g % 5) / 2.0
FROM generate_series(1, 400) g;
)SQL";

} // namespace

class TestPostgresBackup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Result<BackupRecord> migratedWithData(Database& db)
    {
        auto set = MigrationHarness::load(bundledSet(QStringLiteral("strategy")));
        if (auto up = MigrationHarness::migrate(db, *set); !up)
            return up.error();
        if (auto filled = db.runScript({QStringLiteral("data.sql"), kStrategies, 1}, false); !filled)
            return filled.error();
        DatabaseBackup::Request request;
        request.folder = m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128));
        request.schemaVersion = 1;
        return DatabaseBackup::take(db, request, {});
    }

private Q_SLOTS:
    void roundTripGivesBackEveryRowAndKeepsTheOldDatabase()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY(db.ok());
        auto record = migratedWithData(**db);
        QVERIFY2(record.ok(), qPrintable(record.ok() ? QString() : record.error().toText()));
        QVERIFY(record->verified);
        const QStringList before = everyRow(**db);
        QVERIFY(before.size() >= 440);

        QVERIFY((*db)
                    ->execute(QStringLiteral("DELETE FROM strategy_registry WHERE strategy_id <> 'strat-1'"))
                    .ok());
        QVERIFY((*db)->execute(QStringLiteral("UPDATE strategy_registry SET status = 'RETIRED'")).ok());
        const QStringList changed = everyRow(**db);

        auto restored = DatabaseRestore::restore(**db, *record, {});
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toText()));
        QVERIFY(CheckResult::allPassed(restored->afterChecks));
        QCOMPARE(restored->schemaVersion, 1);
        QCOMPARE(everyRow(**db), before);

        const QString asideUrl =
            ConnectionUrl::parse(scratch.url())->withDatabaseName(restored->keptAside).display();
        auto aside = MigrationHarness::open(asideUrl);
        QVERIFY2(aside.ok(), qPrintable(aside.ok() ? QString() : aside.error().toText()));
        QCOMPARE(everyRow(**aside), changed);
        aside->reset();
        auto server = MigrationHarness::open(postgresServerUrl());
        QVERIFY((*server)
                    ->execute(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(restored->keptAside))
                    .ok());
    }

    void theRunLockIsHeldOnTheRestoredDatabase()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY(db.ok());
        auto record = migratedWithData(**db);
        QVERIFY2(record.ok(), qPrintable(record.ok() ? QString() : record.error().toText()));
        auto lock = (*db)->acquireRunLock(std::chrono::seconds(5), {});
        QVERIFY(lock.ok());

        auto restored = DatabaseRestore::restore(**db, *record, {});
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toText()));
        // Another run on the restored database finds the lock taken: the restore still holds it.
        auto other = MigrationHarness::open(scratch.url());
        QVERIFY(other.ok());
        auto taken = (*other)->query(QStringLiteral("SELECT pg_try_advisory_lock(?::int4, ?::int4)"),
                                     QVariantList{PostgresRunLock::kClassKey, PostgresRunLock::kObjectKey});
        QVERIFY(taken.ok());
        QCOMPARE(taken->value(0, 0).toString(), QStringLiteral("f"));
        other->reset();
        lock->reset();

        auto server = MigrationHarness::open(postgresServerUrl());
        QVERIFY((*server)
                    ->execute(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(restored->keptAside))
                    .ok());
    }

    void archiveFromANewerPgDumpIsRefusedPlainly()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = MigrationHarness::open(scratch.url());
        auto record = migratedWithData(**db);
        QVERIFY(record.ok());
        // The archive header ("PGDMP", then the format's major, minor, revision): claim format 1.99.
        QFile toc(QDir(record->path).filePath(QStringLiteral("toc.dat")));
        QVERIFY(toc.open(QIODevice::ReadWrite));
        QCOMPARE(toc.read(5), QByteArray("PGDMP"));
        toc.seek(6);
        toc.write(QByteArray(1, char(99)));
        toc.close();
        const QStringList before = everyRow(**db);

        auto checks = DatabaseBackup::verify(**db, *record, IntegrityMode::Full, false, {});
        QStringList problems;
        QVERIFY(!DatabaseBackup::usable(checks, &problems));
        QVERIFY2(problems.join(QLatin1Char(' ')).contains(QStringLiteral("newer pg_dump")),
                 qPrintable(problems.join(QLatin1Char(' '))));
        auto refused = DatabaseRestore::restore(**db, *record, {});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ExitCode::Refused);
        QVERIFY(refused.error().what.contains(QStringLiteral("newer pg_dump")));
        QCOMPARE(everyRow(**db), before);
    }

    void testRestoreChecksTheArchiveInAScratchDatabase()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = MigrationHarness::open(scratch.url());
        auto record = migratedWithData(**db);
        QVERIFY(record.ok());
        auto checks = DatabaseBackup::verify(**db, *record, IntegrityMode::Full, true, {});
        QVERIFY(DatabaseBackup::usable(checks));
        QCOMPARE(checks.last().name, QStringLiteral("test restore"));
        QVERIFY2(checks.last().ok(), qPrintable(checks.last().detail));
        auto leftovers = (*db)->query(
            QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%strata_check%'"));
        QCOMPARE(leftovers->value(0, 0).toInt(), 0);
    }

    void amcheckRunsWhereTheRoleMayAndSaysWhyWhereItMayNot()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY(
            MigrationHarness::migrate(**db, *MigrationHarness::load(bundledSet(QStringLiteral("strategy"))))
                .ok());
        const CheckResult asOwner = DatabaseVerifier::integrity(**db, IntegrityMode::Full, {});
        QCOMPARE(asOwner.state, CheckResult::State::Passed);
        QVERIFY(asOwner.detail.contains(QStringLiteral("B-tree indexes")));
        // amcheck left nothing behind: it ran inside a rolled-back transaction.
        QVERIFY(
            (*db)->query(QStringLiteral("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'"))->isEmpty());

        const QString role =
            QStringLiteral("strata_reader_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        const QString password = qEnvironmentVariable("PGPASSWORD");
        QVERIFY(
            (*db)->execute(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password)).ok());
        QVERIFY((*db)
                    ->execute(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(scratch.name(), role))
                    .ok());
        const QString url =
            QString(scratch.url())
                .replace(QRegularExpression(QStringLiteral("//[^@]+@")), QStringLiteral("//%1@").arg(role));
        {
            auto reader = MigrationHarness::open(url);
            QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.error().toText()));
            const CheckResult asReader = DatabaseVerifier::integrity(**reader, IntegrityMode::Full, {});
            QCOMPARE(asReader.state, CheckResult::State::NotRun);
            QVERIFY2(asReader.detail.contains(QStringLiteral("may not")), qPrintable(asReader.detail));
            QVERIFY(!asReader.ok()); // a check that did not run is never a pass
        }
        (void)(*db)->execute(QStringLiteral("DROP OWNED BY %1").arg(role));
        db->reset();
        auto server = MigrationHarness::open(postgresServerUrl());
        (void)(*server)->execute(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(scratch.name()));
        (void)(*server)->execute(QStringLiteral("DROP ROLE %1").arg(role));
    }
};

QTEST_GUILESS_MAIN(TestPostgresBackup)
#include "tst_postgres_backup.moc"
