#include "run/PhasedRun.h"

// The pre-flight phase of PhasedRun (seed 004, phase 0): the checks before anything changes, and the sessions
// or processes that would block the steps.

#include <algorithm>

#include <QDir>
#include <QLocale>
#include <QStorageInfo>

#include "backup/LeftoverSweep.h"
#include "preflight/BlockerScan.h"
#include "preflight/PlanTables.h"
#include "review/PlanReview.h"
#include "run/DatabaseUsers.h"
#include "run/WriterProbe.h"
#include "tools/alembic/AlembicStepRunner.h"
#include "verify/DatabaseVerifier.h"

namespace strata {

Status PhasedRun::preflight()
{
    const QString phase = QStringLiteral("preflight");
    startPhase(phase, QStringLiteral("Pre-flight"));
    check(phase, CheckResult::passed(QStringLiteral("connection"), m_db.display()));
    check(phase, CheckResult::passed(QStringLiteral("run lock"), m_lock->describe()));
    // What killed runs left: removed when nothing can still be using it, else listed.
    for (const auto& c : LeftoverSweep::checks(
             LeftoverSweep::sweep(m_db, m_settings.backupFolder, LeftoverSweep::Mode::Clean, true)))
        check(phase, c);
    if (m_settings.preHook.isSet()) {
        m_preHookRan = true;
        if (auto ran = runHook(phase, m_settings.preHook); !ran)
            return ran.error().withUnchanged(
                QStringLiteral("Nothing was changed: the migration did not start."));
    }
    if (auto blocked = checkBlockers(phase); !blocked)
        return blocked;
    // The review of the pending steps goes into the run log, with the findings a step's -- strata:allow
    // accepts and their reasons; an allow line naming no known rule stops the run before anything changed.
    auto review = PlanReview::review(*m_plan, m_db, m_settings.stepTimeouts.lockTimeout);
    if (!review) {
        check(phase, CheckResult::failed(QStringLiteral("review"), review.error().what));
        return review.error().withUnchanged(
            QStringLiteral("Nothing was changed: the migration did not start."));
    }
    m_report.review = *review;
    check(phase, CheckResult::passed(QStringLiteral("review"), review->summary()));
    const CheckResult writers = WriterProbe::probe(m_db);
    check(phase, writers);
    if (!writers.ok())
        return Error::failed(QStringLiteral("Another program is using the database: %1.").arg(writers.detail),
                             QStringLiteral("Nothing was changed: the migration did not start."),
                             QStringLiteral("Stop it %1 and run migrate again.").arg(users().howToStop()));
    // Alembic revisions run with the project's own Alembic: found before the backup, or the run does not
    // start.
    if (std::any_of(m_plan->steps.cbegin(), m_plan->steps.cend(), AlembicStepRunner::runs)) {
        auto alembic = AlembicStepRunner(m_db, m_set).check();
        check(phase, alembic ? CheckResult::passed(QStringLiteral("alembic"), *alembic)
                             : CheckResult::failed(QStringLiteral("alembic"), alembic.error().what));
        if (!alembic)
            return alembic.error().withUnchanged(
                QStringLiteral("Nothing was changed: the migration did not start."));
    }
    if (m_settings.createBackup) {
        auto engine = BackupEngine::forDatabase(m_db);
        const qint64 estimated = engine->estimatedSize();
        // --rehearse on SQLite copies the backup beside it (and the steps grow the copy): room for both.
        const bool copyHere =
            m_settings.rehearse && m_db.dialect() == Dialect::Sqlite && !m_settings.rehearseOn;
        const qint64 needed = estimated * 11 / 10 + (copyHere ? estimated * 6 / 5 : 0);
        QDir().mkpath(m_settings.backupFolder);
        const QStorageInfo storage(m_settings.backupFolder);
        const QString detail =
            QStringLiteral("%1 free in %2, about %3 needed%4")
                .arg(QLocale::c().formattedDataSize(storage.bytesAvailable()), m_settings.backupFolder,
                     QLocale::c().formattedDataSize(needed),
                     copyHere ? QStringLiteral(" (the backup and the rehearsal's copy)") : QString());
        const bool enough = !storage.isValid() || storage.bytesAvailable() >= needed;
        check(phase, enough ? CheckResult::passed(QStringLiteral("free disk"), detail)
                            : CheckResult::failed(QStringLiteral("free disk"), detail));
        if (!enough)
            return Error::failed(
                QStringLiteral("Not enough free disk for the backup: %1.").arg(detail),
                QStringLiteral("Nothing was changed: the migration did not start."),
                QStringLiteral("Free disk space, or point backup.directory at another disk."));
    }
    const CheckResult integrity = DatabaseVerifier::integrity(m_db, m_settings.integrity, progress());
    check(phase, integrity);
    if (!integrity.ok())
        return Error::failed(
            QStringLiteral("The database fails its integrity check before the migration: %1")
                .arg(integrity.detail),
            QStringLiteral("Nothing was changed: the migration did not start, and the file was only read."),
            QStringLiteral("Restore the last good backup (strata-cli backups, then restore), or repair the "
                           "database, before migrating."));
    return {};
}

Status PhasedRun::checkBlockers(const QString& phase)
{
    // Before the backup: a session that surely holds up the first step is named now, not after minutes of
    // backup and a lock timeout. Sessions that only may get in the way are listed and the run goes on: the
    // steps' lock timeouts protect the platform from them (docs/decisions.md, "Blockers").
    auto scan = BlockerScan::scan(m_db, PlanTables::of(m_plan->steps));
    if (!scan) {
        check(phase, CheckResult::notRun(QStringLiteral("blockers"), scan.error().what));
        return {};
    }
    m_report.blockers = *scan;
    const auto blockers = scan->planBlockers();
    if (blockers.isEmpty()) {
        check(phase, CheckResult::passed(QStringLiteral("blockers"), scan->summary()));
        return {};
    }
    check(phase, CheckResult::failed(QStringLiteral("blockers"), scan->summary()));
    QStringList who;
    QStringList pids;
    for (const auto& b : blockers) {
        who << QStringLiteral("%1: %2").arg(b.title(),
                                            b.reasons(scan->longTransactionMs).join(QStringLiteral("; ")));
        pids << QString::number(b.pid);
    }
    const bool sqlite = m_db.dialect() == Dialect::Sqlite;
    return Error::failed(
        QStringLiteral("%1 would hold up the migration: %2.")
            .arg(blockers.size() == 1
                     ? (sqlite ? QStringLiteral("A process") : QStringLiteral("A session"))
                     : QStringLiteral("%1 %2")
                           .arg(blockers.size())
                           .arg(sqlite ? QStringLiteral("processes") : QStringLiteral("sessions")),
                 who.join(QStringLiteral("; "))),
        QStringLiteral("Nothing was changed: the migration did not start."),
        sqlite ? QStringLiteral("Stop it %1 and run migrate again.").arg(users().howToStop())
               : QStringLiteral(
                     "Let it finish, or end it (strata-cli blockers --terminate %1 asks first), and run "
                     "migrate again; strata-cli blockers shows the blocking tree.")
                     .arg(pids.join(QLatin1Char(' '))));
}

} // namespace strata
