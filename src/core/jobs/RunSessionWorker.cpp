#include "jobs/RunSessionWorker.h"

#include <QDateTime>
#include <QMetaObject>

#include "connection/DatabaseOpener.h"
#include "jobs/RunSession.h"
#include "migrations/MigrationSetLoader.h"
#include "review/PlanReview.h"

namespace strata {

namespace {

/// Progress arrives far more often than a person can read it; twenty updates a second are plenty, and the
/// GUI's event queue stays short.
constexpr qint64 ProgressIntervalMs = 50;

} // namespace

RunSessionWorker::RunSessionWorker(RunSession& session, ConnectionUrl url, QString setFolder,
                                   PhasedRun::Settings settings)
    : m_session(session), m_url(std::move(url)), m_setFolder(std::move(setFolder)),
      m_settings(std::move(settings))
{}

RunSessionWorker::~RunSessionWorker() = default;

void RunSessionWorker::prepare()
{
    if (!m_db) {
        auto set = MigrationSetLoader::load(m_setFolder);
        if (!set)
            return planned(set.error());
        m_set = std::move(*set);
        auto db = DatabaseOpener::open(m_url);
        if (!db)
            return planned(db.error());
        m_db = std::move(*db);
        m_run = std::make_unique<PhasedRun>(*m_db, *m_set, m_settings, this);
    }
    planned(m_run->prepare([this](const QString& holder) {
        hookOutput(QStringLiteral("Waiting for the run lock, held by %1…").arg(holder));
    }));
}

void RunSessionWorker::choose(const QStringList& enable)
{
    planned(m_run ? m_run->choose(enable) : Result<MigrationPlan>(notPrepared()));
}

void RunSessionWorker::planned(const Result<MigrationPlan>& plan)
{
    const bool ok = plan.ok();
    const Error error = ok ? Error{} : plan.error();
    std::optional<MigrationPlan> copy;
    if (ok)
        copy = *plan;
    notify([ok, error, copy](RunSession& s) {
        if (copy)
            s.m_plan = copy;
        s.m_busy = false;
        Q_EMIT s.planned(ok, error);
    });
}

void RunSessionWorker::run(const QString& phase, Status (PhasedRun::*call)())
{
    ended(phase, m_run ? ((*m_run).*call)() : notPrepared());
}

void RunSessionWorker::apply()
{
    ended(QStringLiteral("apply"), m_run ? m_run->runSteps() : notPrepared());
}

void RunSessionWorker::review()
{
    std::optional<ReviewReport> report;
    Error error = notPrepared();
    if (m_run && m_run->plan()) {
        auto reviewed = PlanReview::review(*m_run->plan(), *m_db, m_settings.stepTimeouts.lockTimeout);
        if (reviewed)
            report = *reviewed;
        else
            error = reviewed.error();
    }
    notify([report, error](RunSession& s) {
        s.m_review = report;
        s.m_busy = false;
        Q_EMIT s.reviewed(report.has_value(), report ? Error{} : error);
    });
}

void RunSessionWorker::rehearse()
{
    if (m_run)
        m_run->setRehearse(true);
    run(QStringLiteral("rehearsal"), &PhasedRun::runRehearsal);
}

Error RunSessionWorker::notPrepared()
{
    return Error::failed(QStringLiteral("The run was not prepared."), QStringLiteral("Nothing was changed."),
                         QStringLiteral("Start the migration again."));
}

void RunSessionWorker::ended(const QString& phase, const Status& status)
{
    notify([phase, status, report = m_run ? m_run->report() : RunReport{},
            log = m_run ? m_run->logPath() : QString()](RunSession& s) {
        s.m_logPath = log;
        s.ended(phase, status, report);
    });
}

void RunSessionWorker::phaseStarted(const QString& phase, const QString& title)
{
    notify([phase, title](RunSession& s) { Q_EMIT s.phaseStarted(phase, title); });
}

void RunSessionWorker::checkDone(const QString& phase, const CheckResult& check)
{
    notify([phase, check](RunSession& s) { Q_EMIT s.checkDone(phase, check); });
}

void RunSessionWorker::hookOutput(const QString& line)
{
    notify([line](RunSession& s) { Q_EMIT s.hookOutput(line); });
}

void RunSessionWorker::progress(qint64 done, qint64 total, const QString& stage)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (done < total && m_lastProgressMs >= 0 && now - m_lastProgressMs < ProgressIntervalMs)
        return;
    m_lastProgressMs = now;
    notify([done, total, stage](RunSession& s) { Q_EMIT s.progressed(done, total, stage); });
}

void RunSessionWorker::stepStarted(const MigrationStep& step, qsizetype index, qsizetype count)
{
    notify([slot = step.slot(), label = step.label(), index, count](RunSession& s) {
        Q_EMIT s.stepStarted(slot, label, int(index), int(count));
    });
}

void RunSessionWorker::stepFinished(const MigrationStep& step, qint64 elapsedMs)
{
    notify([slot = step.slot(), elapsedMs](RunSession& s) { Q_EMIT s.stepFinished(slot, elapsedMs); });
}

void RunSessionWorker::stepFailed(const MigrationStep& step, const Error& error)
{
    notify([slot = step.slot(), error](RunSession& s) { Q_EMIT s.stepFailed(slot, error); });
}

} // namespace strata
