#include "migrations/MigrationActions.h"

#include <QInputDialog>
#include <QMessageBox>

#include "common/Counted.h"
#include "common/JobProgressDialog.h"
#include "common/MenuRemedy.h"
#include "config/OperatorConfig.h"
#include "jobs/AcknowledgeRunJob.h"
#include "jobs/BaselineJob.h"
#include "jobs/JobRunner.h"
#include "jobs/RollbackJob.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/PlanPreviewDialog.h"
#include "migrations/ProblemActions.h"

namespace strata {

MigrationActions::MigrationActions(QWidget& window)
    : QObject(&window), m_window(window), m_problems(new ProblemActions(window, *this))
{}

MigrationActions::~MigrationActions() = default;

void MigrationActions::setContext(const std::optional<ConnectionTarget>& target,
                                  const std::optional<DatabaseStatus>& status)
{
    m_target = target;
    m_status = status;
}

bool MigrationActions::canRollBack() const
{
    return m_status && m_status->plan.tracked && m_status->plan.currentVersion > 0 && !m_target->readOnly;
}

bool MigrationActions::canBaseline() const
{
    return m_status && !m_status->plan.tracked && m_status->plan.baselineRecognised && !m_target->readOnly;
}

QList<qint64> MigrationActions::rollbackTargets() const
{
    QList<qint64> targets;
    if (!canRollBack())
        return targets;
    for (const auto& v : m_status->history.versions)
        if (v.success && v.version < m_status->plan.currentVersion)
            targets.prepend(v.version);
    targets << 0;
    return targets;
}

QString MigrationActions::rollbackQuestion(qint64 target) const
{
    if (!m_status)
        return {};
    auto plan =
        MigrationPlanner(m_status->set, m_status->plan.dialect, m_status->history, {}).planDown(target);
    if (!plan)
        return MenuRemedy::of(plan.error()).toText();
    QStringList steps;
    for (const auto& s : plan->steps)
        steps << QStringLiteral("  %1 — runs %2").arg(s.label(), s.rollbackPath);
    return tr("Roll %1 back from v%2 to v%3?\n\nThese rollback scripts run, newest first, each in its own "
              "transaction with its history row:\n%4\n\nNo backup is taken by a rollback: take one first "
              "(Backup > Create backup) if you may want this state back.")
        .arg(m_target->displayName())
        .arg(m_status->plan.currentVersion)
        .arg(target)
        .arg(steps.join(QLatin1Char('\n')));
}

bool MigrationActions::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void MigrationActions::cancelRunning()
{
    if (m_runner)
        m_runner->cancel();
}

void MigrationActions::start(std::unique_ptr<DatabaseJob> job, std::function<QString()> message)
{
    auto url = m_target->connectionUrl();
    if (!url) {
        Q_EMIT failed(url.error());
        return;
    }
    m_runner = std::make_unique<JobRunner>(*url, std::move(job));
    auto* dialog = new JobProgressDialog(*m_runner, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_runner.get(), &JobRunner::finished, this, [this, message](bool ok, const Error& error) {
        if (ok)
            Q_EMIT done(message());
        else
            Q_EMIT failed(error);
        Q_EMIT databaseChanged();
        Q_EMIT idle();
    });
    m_runner->start();
    dialog->show();
}

void MigrationActions::rollback()
{
    const QList<qint64> targets = rollbackTargets();
    if (targets.isEmpty())
        return;
    QStringList items;
    for (qint64 v : targets)
        items << (v == 0 ? tr("0 (nothing of this set)") : tr("v%1").arg(v));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(&m_window, tr("Roll back"), tr("Roll back to:"), items, 0, false, &ok);
    if (ok)
        rollbackTo(targets.at(items.indexOf(chosen)));
}

void MigrationActions::rollbackTo(qint64 target)
{
    if (!canRollBack() || isBusy())
        return;
    if (QMessageBox::question(&m_window, tr("Roll back"), rollbackQuestion(target),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    auto job = std::make_unique<RollbackJob>(m_status->set.root, target);
    RollbackJob* rollback = job.get();
    start(std::move(job), [rollback, target] {
        return tr("Rolled back %1; the database is at v%2.")
            .arg(counted(rollback->stepsRolledBack(), tr("step"), tr("steps")))
            .arg(target);
    });
}

void MigrationActions::baseline()
{
    if (!canBaseline() || isBusy())
        return;
    const qint64 version = m_status->plan.baselineVersion;
    if (QMessageBox::question(
            &m_window, tr("Baseline"),
            tr("Record %1 as being at version %2?\n\nIt has all %3 tables of version %2 but no "
               "history yet. Strata creates its history tables and records version %2 as a baseline; "
               "no migration SQL runs and no table of yours is changed.")
                .arg(m_target->displayName())
                .arg(version)
                .arg(m_status->set.manifest.baseline.tables.size()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    start(std::make_unique<BaselineJob>(m_status->set.root, version),
          [version] { return tr("Recorded the database as version %1 (baseline).").arg(version); });
}

void MigrationActions::showPlan()
{
    if (!m_status || !m_target)
        return;
    auto* dialog = new PlanPreviewDialog(*m_status, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The review runs on a connection of its own, with the lock_timeout the operator config gives the run.
    if (auto url = m_target->connectionUrl()) {
        std::optional<std::chrono::milliseconds> lockTimeout;
        if (!m_target->config.isEmpty())
            if (auto config = OperatorConfig::load(m_target->config))
                lockTimeout = config->timeouts.lockTimeout;
        dialog->reviewOn(*url, lockTimeout);
    }
    dialog->open();
}

void MigrationActions::acknowledgeRun(const QString& runId)
{
    if (!m_target || !m_status || isBusy())
        return;
    const RunEntry* run = nullptr;
    for (const auto& r : m_status->plan.interruptedRuns)
        if (r.runId == runId)
            run = &r;
    if (!run)
        return;
    if (m_target->readOnly) {
        QMessageBox::information(&m_window, tr("Opened read-only"),
                                 tr("%1 is open read-only, so Strata records nothing in it. Open it again "
                                    "without \"Open read-only\" to acknowledge the run.")
                                     .arg(m_target->displayName()));
        return;
    }
    const QString question =
        tr("Record that you checked %1 after the interrupted run %2?\n\nThe run started %3 (by %4 on %5) and "
           "was interrupted in its %6 phase: %7.\n\nCheck the database first (Backup > Verify backup… checks "
           "a backup; the run log is %8). Only Strata's record of the run changes; no SQL of yours runs.")
            .arg(m_target->displayName(), run->runId, run->startedAt, run->appliedBy, run->host, run->phase,
                 run->consequence(), run->runLog);
    if (QMessageBox::question(&m_window, tr("Acknowledge interrupted run"), question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    auto job = std::make_unique<AcknowledgeRunJob>(runId);
    AcknowledgeRunJob* acknowledgement = job.get();
    start(std::move(job), [acknowledgement] { return acknowledgement->outcome(); });
}

} // namespace strata
