// The compatibility corpus: each folder under tests/compat/<layout>/<engine>/ is a migration folder as a
// team using that tool keeps it. Each is applied to a fresh database by `strata-cli migrate` and to another
// by the tool itself (the real dbmate, STRATA_TEST_DBMATE) or, for the tools this machine does not have,
// by a replay of the same sections as the tool runs them through `sqlite3` / `psql`; the two schemas must
// be equal catalog by catalog (tables, columns, indexes, constraints, views, functions, triggers,
// sequences, enum values, row counts), history tables aside; `strata-cli drift` finds no drift, `status`
// shows nothing pending and no problem; the files
// the tool skips are the ones Strata lists as ignored. Where the folder has down sections, both
// then roll back as far as the folder allows, compare again, apply again and compare again.

#include <QtTest>

#include "CliTestKit.h"
#include "CompatCatalog.h"
#include "ToolReplay.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;
using namespace strata::test::compat;

/// QVERIFY2 with the whole message on stderr: QTest cuts long messages, and the end of a strata-cli error or
/// the last catalog difference is often what says why.
#define COMPAT_VERIFY(condition, message)                                                                    \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            const QString full = (message);                                                                  \
            std::fprintf(stderr, "%s\n", qPrintable(full));                                                  \
            QVERIFY2(condition, qPrintable(full.left(900)));                                                 \
        }                                                                                                    \
    } while (false)

namespace {

/// The corpus in the source tree, or STRATA_COMPAT_CORPUS: a copy to try a changed folder on.
QString corpusRoot()
{
    const QString other = qEnvironmentVariable("STRATA_COMPAT_CORPUS");
    return other.isEmpty() ? QStringLiteral(STRATA_SOURCE_DIR "/tests/compat") : other;
}

QString dbmateBinary()
{
    return qEnvironmentVariable("STRATA_TEST_DBMATE");
}

/// The URL dbmate takes: sqlite:PATH, or postgres://...?sslmode=disable (password from PGPASSWORD).
QString dbmateUrl(const TestDatabase& db)
{
    if (db.engine() == Engine::Sqlite)
        return QStringLiteral("sqlite:") + db.path();
    QString url = db.url();
    url.replace(QRegularExpression(QStringLiteral("^postgresql://")), QStringLiteral("postgres://"));
    return url + (url.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?")) +
           QStringLiteral("sslmode=disable");
}

/// The real dbmate; returns its output when it fails, empty when it succeeded.
QString runDbmate(const TestDatabase& db, const QString& folder, const QStringList& command)
{
    QProcess dbmate;
    dbmate.start(dbmateBinary(),
                 QStringList{QStringLiteral("--url"), dbmateUrl(db), QStringLiteral("--migrations-dir"),
                             folder, QStringLiteral("--no-dump-schema")} +
                     command);
    if (!dbmate.waitForFinished(60000) || dbmate.exitStatus() != QProcess::NormalExit ||
        dbmate.exitCode() != 0)
        return QStringLiteral("dbmate %1 failed (%2): %3 %4")
            .arg(command.join(QLatin1Char(' ')), dbmate.errorString(),
                 QString::fromUtf8(dbmate.readAllStandardOutput()),
                 QString::fromUtf8(dbmate.readAllStandardError()));
    return {};
}

/// Where the engine's client connects: the SQLite file, or the PostgreSQL URL.
QString clientTarget(const TestDatabase& db)
{
    return db.engine() == Engine::Sqlite ? db.path() : db.url();
}

/// A strata-cli run for a failure message: its exit code and the end of each stream (where the error is).
QString describeRun(const CliProcess::Outcome& run)
{
    return QStringLiteral("exit %1\n--- stdout (end):\n%2\n--- stderr (end):\n%3")
        .arg(run.exitCode)
        .arg(run.out.right(1500), run.err.right(2500));
}

QStringList catalogOf(const TestDatabase& db)
{
    QString error;
    auto handle = openDatabase(db.url(), &error);
    if (!handle)
        return {QStringLiteral("ERROR ") + error};
    return CompatCatalog::read(*handle);
}

/// The version dbmate gives a file: the digits before the first underscore.
qint64 dbmateVersion(const QString& file)
{
    return file.section(QLatin1Char('_'), 0, 0).toLongLong();
}

/// dbmate's migrations with whether each has a down block with statements (dbmate itself refuses a file
/// without "-- migrate:down", so every corpus file has one, sometimes empty). Only for the rollback floor.
QList<ToolMigration> dbmateMigrations(const QString& folder)
{
    static const QRegularExpression name(QStringLiteral("^[0-9]+_.*\\.sql$"));
    static const QRegularExpression downMarker(QStringLiteral("^--\\s*migrate:down"),
                                               QRegularExpression::MultilineOption);
    QList<ToolMigration> migrations;
    for (const QString& file : QDir(folder).entryList(QDir::Files, QDir::Name)) {
        if (!name.match(file).hasMatch())
            continue;
        QFile f(QDir(folder).filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        ToolMigration migration;
        migration.file = file;
        migration.version = dbmateVersion(file);
        const auto down = downMarker.match(text);
        if (down.hasMatch()) {
            migration.down = text.mid(down.capturedEnd()).section(QLatin1Char('\n'), 1).toUtf8();
            migration.hasDown = ToolReplay::hasStatements(migration.down);
        }
        migrations << migration;
    }
    return migrations;
}

/// The folder's top-level files that its tool does not read: what Strata must list as ignored. Prisma's
/// migration_lock.toml is read by both (the provider).
QStringList filesTheToolIgnores(const QString& layout, const QString& folder,
                                const QList<ToolMigration>& migrations)
{
    QSet<QString> read;
    for (const ToolMigration& m : migrations)
        read << m.file << m.downFile;
    QStringList ignored;
    for (const QString& file : QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name))
        if (!read.contains(file) &&
            !(layout == QLatin1String("prisma") && file == QLatin1String("migration_lock.toml")))
            ignored << file;
    return ignored;
}

/// The version below which rollback stops: the newest migration without a down section (an empty or
/// missing down means the step has no rollback), 0 when every one has one.
qint64 rollbackFloor(const QList<ToolMigration>& migrations)
{
    qint64 floor = 0;
    for (const ToolMigration& m : migrations)
        if (!m.hasDown)
            floor = std::max(floor, m.version);
    return floor;
}

QString strataConfig(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("steps-only.yaml"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QStringLiteral("database:\n  backup:\n    directory: \"%1/backups\"\n  migration:\n"
                                  "    create_backup: false\n")
                       .arg(dir.path())
                       .toUtf8());
    return path;
}

} // namespace

class TestCompatCorpus : public QObject
{
    Q_OBJECT

    QTemporaryDir m_work;
    QString m_config;

    CliProcess::Outcome strata(const TestDatabase& db, const QString& folder,
                               const QStringList& command) const
    {
        return CliProcess::run(QStringList{QStringLiteral("--db"), db.url(), QStringLiteral("--migrations"),
                                           folder, QStringLiteral("--config"), m_config,
                                           QStringLiteral("--yes")} +
                               command);
    }

    /// Applies the migrations above version `from` the way the tool does.
    static QString toolUp(const QString& layout, const TestDatabase& db, const QString& folder,
                          qint64 from = -1)
    {
        if (layout == QLatin1String("dbmate"))
            return runDbmate(db, folder, {QStringLiteral("up")});
        QString error;
        const bool postgres = db.engine() == Engine::Postgres;
        const QList<ToolMigration> migrations = ToolReplay::read(layout, folder, postgres, &error);
        if (!error.isEmpty())
            return error;
        for (const ToolMigration& m : migrations) {
            if (m.version <= from || !ToolReplay::hasStatements(m.up))
                continue;
            if (QString failed = ToolReplay::runWithClient(m.up, m.upMode, postgres, clientTarget(db));
                !failed.isEmpty())
                return m.file + QStringLiteral(" (up): ") + failed;
        }
        return {};
    }

    /// Rolls back the migrations above version `floor` the way the tool does, newest first.
    static QString toolDown(const QString& layout, const TestDatabase& db, const QString& folder,
                            const QList<ToolMigration>& migrations, qint64 floor)
    {
        QList<ToolMigration> above;
        for (const ToolMigration& m : migrations)
            if (m.version > floor)
                above.prepend(m);
        if (layout == QLatin1String("dbmate")) {
            for (qsizetype i = 0; i < above.size(); ++i)
                if (QString failed = runDbmate(db, folder, {QStringLiteral("rollback")}); !failed.isEmpty())
                    return failed;
            return {};
        }
        const bool postgres = db.engine() == Engine::Postgres;
        for (const ToolMigration& m : above)
            if (QString failed = ToolReplay::runWithClient(m.down, m.downMode, postgres, clientTarget(db));
                !failed.isEmpty())
                return m.file + QStringLiteral(" (down): ") + failed;
        return {};
    }

    /// The two catalogs are equal; says how many lines were compared.
    static void compareCatalogs(const TestDatabase& strataDb, const TestDatabase& toolDb, const QString& when)
    {
        const QStringList strataCatalog = catalogOf(strataDb);
        const QStringList toolCatalog = catalogOf(toolDb);
        const QStringList differences = CompatCatalog::differences(strataCatalog, toolCatalog);
        COMPAT_VERIFY(
            differences.isEmpty(),
            (QStringLiteral("%1: the schemas differ:\n%2").arg(when, differences.join(QLatin1Char('\n')))));
        COMPAT_VERIFY(!strataCatalog.isEmpty() && !strataCatalog.first().startsWith(QLatin1String("ERROR")),
                      (strataCatalog.join(QLatin1Char('\n'))));
        qInfo("%s: %lld catalog lines equal", qPrintable(when), static_cast<long long>(strataCatalog.size()));
    }

    /// `status --json` after a full migrate: nothing pending, no problem, no repeatable script to run again.
    static void checkUpToDate(const CliProcess::Outcome& status, const QString& when)
    {
        const QJsonObject doc = status.json();
        COMPAT_VERIFY(status.exitCode == 0 && !doc.isEmpty(),
                      QStringLiteral("strata-cli status --json %1: ").arg(when) + describeRun(status));
        const QString text = QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Compact));
        COMPAT_VERIFY(doc.value(QStringLiteral("pending")).toArray().isEmpty(),
                      QStringLiteral("%1: steps still pending: ").arg(when) + text);
        COMPAT_VERIFY(doc.value(QStringLiteral("problems")).toArray().isEmpty(),
                      QStringLiteral("%1: problems: ").arg(when) + text);
        for (const auto& value : doc.value(QStringLiteral("repeatables")).toArray())
            COMPAT_VERIFY(
                !value.toObject().value(QStringLiteral("runs")).toBool(),
                QStringLiteral("%1: a repeatable script would run again: ").arg(when) +
                    QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        keepBackupsInside(m_work);
        m_config = strataConfig(m_work);
    }

    /// One row per folder tests/compat/<layout>/<engine>; Alembic projects have a test of their own.
    void corpus_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<Engine>("engine");
        QTest::addColumn<QString>("folder");
        const QDir root(corpusRoot());
        for (const QString& layout : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (layout == QLatin1String("alembic"))
                continue;
            const QDir layoutDir(root.filePath(layout));
            for (const QString& engine : layoutDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                if (engine != QLatin1String("sqlite") && engine != QLatin1String("postgresql"))
                    continue;
                QTest::newRow(qPrintable(layout + QLatin1Char('/') + engine))
                    << layout << (engine == QLatin1String("sqlite") ? Engine::Sqlite : Engine::Postgres)
                    << layoutDir.filePath(engine);
            }
        }
    }

    void corpus()
    {
        QFETCH(QString, layout);
        QFETCH(Engine, engine);
        QFETCH(QString, folder);
        if (layout == QLatin1String("dbmate") && !QFileInfo(dbmateBinary()).isExecutable()) {
            const QString why =
                QStringLiteral("dbmate not found at STRATA_TEST_DBMATE=\"%1\"; install it with "
                               "npm install --prefix build/tools/dbmate dbmate@2.36.0")
                    .arg(dbmateBinary());
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        TestDatabase strataDb(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(strataDb);
        TestDatabase toolDb(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(toolDb);

        const auto migrated = strata(strataDb, folder, {QStringLiteral("migrate")});
        COMPAT_VERIFY(migrated.exitCode == 0,
                      (QStringLiteral("strata-cli migrate: ") + describeRun(migrated)));
        const QString applied = toolUp(layout, toolDb, folder);
        COMPAT_VERIFY(applied.isEmpty(), (QStringLiteral("the tool's own run: ") + applied));
        compareCatalogs(strataDb, toolDb, QStringLiteral("after migrate"));
        if (QTest::currentTestFailed())
            return;
        const QStringList migratedCatalog = catalogOf(strataDb);
        const bool hasTables =
            std::any_of(migratedCatalog.begin(), migratedCatalog.end(),
                        [](const QString& line) { return line.startsWith(QLatin1String("rows ")); });
        COMPAT_VERIFY(hasTables, QStringLiteral("the folder built no table:\n") +
                                     migratedCatalog.join(QLatin1Char('\n')));

        QString error;
        const QList<ToolMigration> migrations =
            layout == QLatin1String("dbmate")
                ? dbmateMigrations(folder)
                : ToolReplay::read(layout, folder, engine == Engine::Postgres, &error);
        COMPAT_VERIFY(error.isEmpty(), (error));

        // Strata's own replay of the folder into a scratch database (`drift`) agrees with what it migrated.
        const auto drift = strata(strataDb, folder, {QStringLiteral("drift")});
        COMPAT_VERIFY(drift.exitCode == 0, QStringLiteral("strata-cli drift: ") + describeRun(drift));

        // The files the tool skips (README.md, .gitkeep, an embed.go, a seed.sql) are listed as ignored.
        const auto status = strata(strataDb, folder, {QStringLiteral("--json"), QStringLiteral("status")});
        checkUpToDate(status, QStringLiteral("after migrate"));
        QStringList listed;
        for (const auto& value : status.json().value(QStringLiteral("ignored_files")).toArray())
            listed << value.toObject().value(QStringLiteral("path")).toString();
        listed.sort();
        QCOMPARE(listed, filesTheToolIgnores(layout, folder, migrations));

        // Rollback, where the folder has down sections: as far as the newest migration without one.
        const qint64 floor = rollbackFloor(migrations);
        if (migrations.isEmpty() || floor >= migrations.last().version)
            return; // forward-only folder (Flyway community, Prisma, sqlx simple files, seed 001)
        const auto rolledBack = strata(
            strataDb, folder, {QStringLiteral("rollback"), QStringLiteral("--to"), QString::number(floor)});
        COMPAT_VERIFY(rolledBack.exitCode == 0,
                      (QStringLiteral("strata-cli rollback --to %1: ").arg(floor) + describeRun(rolledBack)));
        const QString down = toolDown(layout, toolDb, folder, migrations, floor);
        COMPAT_VERIFY(down.isEmpty(), (QStringLiteral("the tool's own rollback: ") + down));
        compareCatalogs(strataDb, toolDb, QStringLiteral("after rolling back to %1").arg(floor));
        if (QTest::currentTestFailed())
            return;

        const auto again = strata(strataDb, folder, {QStringLiteral("migrate")});
        COMPAT_VERIFY(again.exitCode == 0,
                      (QStringLiteral("strata-cli migrate again: ") + describeRun(again)));
        const QString reapplied = toolUp(layout, toolDb, folder, floor);
        COMPAT_VERIFY(reapplied.isEmpty(), (QStringLiteral("the tool's own run again: ") + reapplied));
        compareCatalogs(strataDb, toolDb, QStringLiteral("after migrating again"));
        checkUpToDate(strata(strataDb, folder, {QStringLiteral("--json"), QStringLiteral("status")}),
                      QStringLiteral("after migrating again"));
        const QStringList changed = CompatCatalog::differences(catalogOf(strataDb), migratedCatalog);
        COMPAT_VERIFY(changed.isEmpty(),
                      (QStringLiteral("up, down, up differs from up:\n") + changed.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCompatCorpus)
#include "tst_compat_corpus.moc"
