#include "rehearsal/Rehearsal.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

#include "backup/BackupEngine.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationRunner.h"
#include "migrations/ScriptTransaction.h"
#include "rehearsal/LockSampler.h"
#include "rehearsal/StepMeter.h"
#include "tools/alembic/AlembicStepRunner.h"

namespace strata {

namespace {

const QString kUnchanged = QStringLiteral("The live database was not touched: the rehearsal ran on a copy.");

/// Rows of the copy's tables that the plan's steps or rollbacks name, counted before the passes: the other
/// tables (a production database has many, some huge) are not read.
QHash<QString, qint64> countRows(Database& copy, const MigrationPlan& plan)
{
    QHash<QString, qint64> rows;
    auto files = TableFiles::read(copy);
    if (!files)
        return rows;
    QString sql;
    for (const auto& step : plan.steps)
        sql += QString::fromUtf8(step.forwardScript().utf8) + QLatin1Char('\n') +
               QString::fromUtf8(step.rollbackScript().utf8) + QLatin1Char('\n');
    for (const QString& name : StepMeter::namedIn(sql, files->keys())) {
        const QString quotedName = QStringList(name.split(QLatin1Char('.')))
                                       .replaceInStrings(QStringLiteral("\""), QStringLiteral("\"\""))
                                       .join(QStringLiteral("\".\""));
        auto count = copy.query(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(quotedName));
        rows.insert(name, count ? count->value(0, 0).toLongLong() : 0);
    }
    return rows;
}

/// The second up pass: planned from the copy's history after the rollbacks, with the first pass's options.
Result<MigrationPlan> planAgain(Database& db, const MigrationSet& set, const MigrationPlan& first)
{
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    return MigrationPlanner(set, db.dialect(), *history, *tables)
        .planUp({first.targetVersion, first.enabledOptions, true});
}

void removeAll(const QString& path)
{
    if (QFileInfo(path).isDir())
        QDir(path).removeRecursively();
    else
        QFile::remove(path);
}

} // namespace

Rehearsal::Rehearsal(Database& live, const MigrationSet& set, RehearsalCopy::Where where)
    : m_live(live), m_set(set), m_where(std::move(where))
{}

MigrationPlan Rehearsal::downPlan(const MigrationPlan& up, QStringList& withoutRollback) const
{
    MigrationPlan down = up;
    down.direction = MigrationPlan::Direction::Down;
    down.baselineRecognised = false;
    down.baselineSteps.clear();
    down.repeatables.clear();
    down.steps.clear();
    for (const auto& repeatable : up.repeatablesToRun())
        withoutRollback << repeatable.forwardPath;
    bool stopped = false;
    for (auto it = up.steps.crbegin(); it != up.steps.crend(); ++it) {
        if (!it->hasRollback() && !it->noOp && !AlembicStepRunner::runs(*it)) {
            withoutRollback.prepend(it->slot());
            stopped = true;
        }
        if (stopped)
            continue;
        MigrationStep step = *it;
        if (step.hasRollback())
            ScriptTransaction::prepare(step, step.rollbackScript(), up.dialect);
        down.steps << step;
    }
    down.targetVersion = up.currentVersion;
    return down;
}

void Rehearsal::rehearse(const MigrationPlan& plan, RehearsalCopy& copy, RehearsalReport& report,
                         const Progress& progress)
{
    Database& db = copy.db();
    const QHash<QString, qint64> tableRows = countRows(db, plan);
    for (auto it = tableRows.cbegin(); it != tableRows.cend(); ++it)
        report.copyRows += *it;
    std::unique_ptr<LockSampler> sampler;
    if (db.dialect() == Dialect::Postgres) {
        auto pid = db.query(QStringLiteral("SELECT pg_backend_pid()"));
        if (!pid) {
            report.failure = pid.error();
            report.failedPass = QStringLiteral("up");
            return;
        }
        sampler =
            std::make_unique<LockSampler>(static_cast<PostgresDatabase&>(db).url(), pid->value(0, 0).toInt());
        if (auto started = sampler->start(); !started) {
            report.failure = started.error();
            report.failedPass = QStringLiteral("up");
            return;
        }
    }
    RunIdentity who = RunIdentity::current();
    StepMeter upMeter(db, sampler.get(), tableRows, 0, QStringLiteral("up"), progress);
    StepMeter downMeter(db, sampler.get(), tableRows, 100000, QStringLiteral("down"), progress);
    StepMeter againMeter(db, sampler.get(), tableRows, 200000, QStringLiteral("up again"), progress);
    auto pass = [&](const QString& name, StepMeter& meter, const MigrationPlan& steps, bool up) {
        MigrationRunner runner(db, m_set, who, &meter);
        runner.setCancelFlag(progress.cancelFlag());
        runner.setTimeouts(m_timeouts);
        auto outcome = up ? runner.apply(steps) : runner.rollback(steps);
        if (!outcome && !report.failure) {
            report.failure = outcome.error();
            report.failedPass = name;
        }
        return outcome.ok();
    };
    QElapsedTimer upTimer;
    upTimer.start();
    bool ok = pass(QStringLiteral("up"), upMeter, plan, true);
    report.upPassMs = upTimer.elapsed();
    if (ok) {
        const MigrationPlan down = downPlan(plan, report.withoutRollback);
        ok = pass(QStringLiteral("down"), downMeter, down, false);
    }
    if (ok) {
        auto again = planAgain(db, m_set, plan);
        if (!again) {
            report.failure = again.error();
            report.failedPass = QStringLiteral("up again");
        } else {
            pass(QStringLiteral("up again"), againMeter, *again, true);
        }
    }
    if (sampler)
        sampler->stop();
    report.up = upMeter.steps();
    report.down = downMeter.steps();
    report.again = againMeter.steps();
    if (report.failure) {
        report.failure->what = QStringLiteral("The rehearsal failed in its %1 pass: %2")
                                   .arg(report.failedPass, report.failure->what);
        report.failure->unchanged = kUnchanged;
        if (report.failedPass == QLatin1String("down"))
            report.failure->next = QStringLiteral("Fix the rollback script, then rehearse again: a rollback "
                                                  "that fails on the copy would fail on the live database.");
    }
    report.succeeded = !report.failure;
}

Result<RehearsalReport> Rehearsal::run(const MigrationPlan& plan, const QString& backupPath,
                                       qint64 backupSize, const Progress& progress)
{
    RehearsalReport report;
    report.backupPath = backupPath;
    QElapsedTimer timer;
    timer.start();
    progress.report(0, 0, QStringLiteral("rehearsal: making the copy"));
    auto copy = RehearsalCopy::make(m_live, backupPath, backupSize, m_where, progress);
    if (!copy)
        return copy.error();
    report.copyMs = timer.elapsed();
    report.copy = (*copy)->description();
    report.leftoversDropped = (*copy)->leftoversDropped();
    rehearse(plan, **copy, report, progress);
    if (auto dropped = (*copy)->drop(); dropped)
        report.copyDropped = true;
    else if (!report.failure)
        report.failure = dropped.error();
    if (progress.cancelled() && !report.failure) {
        report.failure = Error::failed(QStringLiteral("The rehearsal was cancelled."), kUnchanged,
                                       QStringLiteral("Rehearse again when you are ready."));
        report.failedPass = QStringLiteral("up");
    }
    report.succeeded = !report.failure;
    return report;
}

Result<RehearsalReport> Rehearsal::runOnNewBackup(const MigrationPlan& plan, const Progress& progress)
{
    auto engine = BackupEngine::forDatabase(m_live);
    const qint64 estimated = engine->estimatedSize();
    // A bad target, or no room for the copy: refused before anything is made.
    if (auto checked = RehearsalCopy::check(m_live, estimated, m_where); !checked)
        return checked.error();
    const QString folder = m_where.folder;
    if (!QDir().mkpath(folder))
        return Error::badInput(
            QStringLiteral("Cannot create the folder %1 for the rehearsal's backup.").arg(folder),
            QStringLiteral("Check its permissions, or point backup.directory elsewhere."),
            QStringLiteral("Nothing was changed: the rehearsal did not start."));
    // What a killed rehearsal left here: its backup (a file, or pg_dump's folder).
    const QDir dir(folder);
    const QString leftoverPattern = engine->baseName() + QStringLiteral("_strata_rehearsal_*_backup*");
    for (const QString& name : dir.entryList({leftoverPattern}, QDir::AllEntries | QDir::NoDotAndDotDot))
        removeAll(dir.filePath(name));
    // SQLite: the backup and then the copy of it in the same folder; PostgreSQL: the archive only.
    const bool sqlite = m_live.dialect() == Dialect::Sqlite;
    const qint64 needed =
        sqlite && !m_where.target ? estimated * 2 + estimated / 5 : estimated + estimated / 10;
    const QStorageInfo storage(folder);
    if (storage.isValid() && storage.bytesAvailable() < needed)
        return Error::badInput(
            QStringLiteral(
                "Not enough free disk for the rehearsal: %1 free in %2, about %3 needed (a backup of "
                "the %4 database%5).")
                .arg(QLocale::c().formattedDataSize(storage.bytesAvailable()), folder,
                     QLocale::c().formattedDataSize(needed), QLocale::c().formattedDataSize(estimated),
                     sqlite && !m_where.target ? QStringLiteral(" and a copy of it") : QString()),
            QStringLiteral("Free disk space there, or point backup.directory at another disk."),
            QStringLiteral("Nothing was changed: the rehearsal did not start, and the live database was not "
                           "touched."));
    const QString path =
        dir.filePath(engine->baseName() + QStringLiteral("_strata_rehearsal_") +
                     QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")) +
                     QStringLiteral("_backup") + engine->fileSuffix());
    struct Remove
    {
        QString path;
        ~Remove() { removeAll(path); }
    } removeBackup{path};
    progress.report(0, 0, QStringLiteral("rehearsal: backup"));
    if (auto written = engine->write(path, progress); !written)
        return written.error().prefixed(QStringLiteral("Cannot back up the database for the rehearsal"));
    QStringList failed;
    for (const auto& check : engine->check(path, IntegrityMode::Full, progress))
        if (!check.ok())
            failed << QStringLiteral("%1: %2").arg(check.name, check.detail);
    if (!failed.isEmpty())
        return Error::failed(
            QStringLiteral("The backup taken for the rehearsal fails its checks: %1.")
                .arg(failed.join(QStringLiteral("; "))),
            QStringLiteral("Nothing was changed: the rehearsal did not start."),
            QStringLiteral("Check the database's integrity (strata-cli verify) and try again."));
    qint64 size = QFileInfo(path).size();
    if (QFileInfo(path).isDir()) {
        size = 0;
        for (const QFileInfo& file : QDir(path).entryInfoList(QDir::Files))
            size += file.size();
    }
    return run(plan, path, size, progress);
}

} // namespace strata
