#include "migrations/ProblemActions.h"

#include <QMessageBox>

#include "adoption/AdoptionPlanner.h"
#include "common/Counted.h"
#include "common/MenuRemedy.h"
#include "jobs/AdoptJob.h"
#include "jobs/ResolveJob.h"
#include "migrations/ChangedScriptDialog.h"
#include "migrations/MigrationActions.h"
#include "migrations/ScriptComparison.h"

namespace strata {

ProblemActions::ProblemActions(QWidget& window, MigrationActions& migrations)
    : QObject(&migrations), m_window(window), m_migrations(migrations)
{}

const MigrationStep* ProblemActions::fileOf(const QString& slot) const
{
    const auto& status = m_migrations.status();
    if (!status)
        return nullptr;
    const MigrationStep* file = nullptr;
    for (const auto& s : status->set.steps)
        if (s.slot() == slot && s.appliesTo(status->plan.dialect))
            file = &s;
    return file;
}

QString ProblemActions::resolveQuestion(const QString& slot, StepResolution::Action action) const
{
    const auto& status = m_migrations.status();
    const auto ref = StepRef::parse(slot);
    const StepRecord* record = status && ref ? status->history.step(ref->version, ref->step) : nullptr;
    if (!record)
        return {};
    const QString database = m_migrations.target() ? m_migrations.target()->displayName() : status->database;
    QString question;
    if (action == StepResolution::Action::AcceptChecksum) {
        const MigrationStep* file = fileOf(slot);
        if (!file)
            return {};
        const auto kept = status->keptScripts.value(record->checksum);
        const auto comparison = ScriptComparison::compare(status->keptScripts.contains(record->checksum)
                                                              ? std::optional<QByteArray>(kept.toUtf8())
                                                              : std::nullopt,
                                                          file->forwardSql);
        question = tr("Accept the current %1 for step %2 of %3?\n\n%4\n\n%5")
                       .arg(file->forwardPath, slot, database, comparison.summary(),
                            StepResolution::whatIsRecorded(slot, action, file->forwardPath, file->checksum));
    } else {
        question = tr("Record step %1 of %2 as %3?\n\nOnly do this after checking the database by hand: "
                      "the step started at %4 outside a transaction and never finished.\n\n%5")
                       .arg(slot, database,
                            action == StepResolution::Action::MarkApplied ? tr("applied") : tr("rolled back"),
                            record->startedAt, StepResolution::whatIsRecorded(slot, action));
    }
    return question + tr("\n\nNo SQL runs: none of your tables is changed, only Strata's history.");
}

void ProblemActions::resolve(const QString& slot, StepResolution::Action action)
{
    const auto& target = m_migrations.target();
    const auto& status = m_migrations.status();
    const auto ref = StepRef::parse(slot);
    if (!target || !status || !ref || m_migrations.isBusy())
        return;
    if (target->readOnly) {
        QMessageBox::information(&m_window, tr("Opened read-only"),
                                 tr("%1 is open read-only, so Strata records nothing in it. Open it again "
                                    "without \"Open read-only\" to resolve step %2.")
                                     .arg(target->displayName(), slot));
        return;
    }
    const QString question = resolveQuestion(slot, action);
    if (question.isEmpty())
        return;
    if (QMessageBox::question(&m_window, tr("Resolve step %1").arg(slot), question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    auto job = std::make_unique<ResolveJob>(status->set.root, *ref, action);
    ResolveJob* resolution = job.get();
    m_migrations.start(std::move(job), [resolution] { return resolution->outcome(); });
}

Result<AdoptionPlan> ProblemActions::adoptionPlan() const
{
    const auto& status = m_migrations.status();
    if (!status)
        return Error::failed(tr("No status has been read yet."), QString(), tr("Refresh the timeline."));
    // The problem is only shown for a database without Strata history, so nothing was adopted yet; the
    // job plans again under the run lock.
    return AdoptionPlanner::plan(status->set, status->plan.dialect, status->history, AdoptedTools(), {});
}

QString ProblemActions::adoptQuestion(const AdoptionPlan& plan) const
{
    const auto& status = m_migrations.status();
    const QString database = m_migrations.target() ? m_migrations.target()->displayName() : status->database;
    QStringList steps;
    for (const auto& s : plan.steps) {
        QString line = tr("• %1 (%2 row %3)").arg(s.step.label(), plan.toolName(), s.row.version);
        if (s.checksumDisagrees())
            line += tr("\n    checksum disagrees: %1 recorded %2, the file today gives %3")
                        .arg(plan.toolName(), s.row.checksum, s.fileChecksum);
        steps << line;
    }
    QString question =
        tr("Adopt %1's history of %2?\n\nStrata records these %3 as applied by %1 (table %4):\n%5")
            .arg(plan.toolName(), database,
                 counted(plan.steps.size(), QStringLiteral("step"), QStringLiteral("steps")), plan.table,
                 steps.join(QLatin1Char('\n')));
    if (plan.disagreements() > 0)
        question += tr("\n\n%1 where %2's checksum disagrees with the file today: recorded and marked; check "
                       "those changes before relying on the files.")
                        .arg(counted(plan.disagreements(), QStringLiteral("step"), QStringLiteral("steps")),
                             plan.toolName());
    question +=
        tr("\n\nStill to apply with Migrate: %1. From now on every step Strata applies or rolls back "
           "also writes %2's row, so the team can go back to %2 any day.\n\nNo SQL runs: none of your "
           "tables is changed, only Strata's history.")
            .arg(plan.pending.isEmpty()
                     ? tr("none")
                     : counted(plan.pending.size(), QStringLiteral("step"), QStringLiteral("steps")),
                 plan.toolName());
    return question;
}

void ProblemActions::adopt()
{
    const auto& target = m_migrations.target();
    const auto& status = m_migrations.status();
    if (!target || !status || m_migrations.isBusy())
        return;
    if (target->readOnly) {
        QMessageBox::information(&m_window, tr("Opened read-only"),
                                 tr("%1 is open read-only, so Strata records nothing in it. Open it again "
                                    "without \"Open read-only\" to adopt its history.")
                                     .arg(target->displayName()));
        return;
    }
    auto plan = adoptionPlan();
    if (!plan) {
        QMessageBox::warning(&m_window, tr("Cannot adopt"), MenuRemedy::of(plan.error()).toText());
        return;
    }
    if (QMessageBox::question(&m_window, tr("Adopt %1's history").arg(plan->toolName()), adoptQuestion(*plan),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    auto job = std::make_unique<AdoptJob>(status->set.root, plan->toolName(), plan->steps.size());
    AdoptJob* adoption = job.get();
    m_migrations.start(std::move(job), [adoption] { return adoption->outcome(); });
}

ChangedScriptDialog* ProblemActions::showChangedScript(const QString& slot)
{
    const auto& status = m_migrations.status();
    const auto ref = StepRef::parse(slot);
    const StepRecord* record = status && ref ? status->history.step(ref->version, ref->step) : nullptr;
    const MigrationStep* file = fileOf(slot);
    if (!record || !file)
        return nullptr;
    ChangedScriptDialog::Subject subject{
        slot, file->forwardPath, record->checksum, file->checksum, {}, QString::fromUtf8(file->forwardSql)};
    if (status->keptScripts.contains(record->checksum))
        subject.applied = status->keptScripts.value(record->checksum);
    auto* dialog = new ChangedScriptDialog(subject, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReadOnlyDatabase(m_migrations.target() && m_migrations.target()->readOnly);
    // Queued: the question is asked once the diff has closed.
    connect(
        dialog, &ChangedScriptDialog::acceptRequested, this,
        [this](const QString& step) { resolve(step, StepResolution::Action::AcceptChecksum); },
        Qt::QueuedConnection);
    dialog->open();
    return dialog;
}

void ProblemActions::handle(const Problem& problem, ProblemRemedy::Action action)
{
    switch (action) {
    case ProblemRemedy::Action::ShowDiff:
        showChangedScript(problem.slot);
        return;
    case ProblemRemedy::Action::AcceptChecksum:
        resolve(problem.slot, StepResolution::Action::AcceptChecksum);
        return;
    case ProblemRemedy::Action::MarkApplied:
        resolve(problem.slot, StepResolution::Action::MarkApplied);
        return;
    case ProblemRemedy::Action::MarkRolledBack:
        resolve(problem.slot, StepResolution::Action::MarkRolledBack);
        return;
    case ProblemRemedy::Action::RollBack: {
        // Back to the newest applied version before the out-of-order file's, so that it can run in order.
        const auto ref = StepRef::parse(problem.slot);
        qint64 target = 0;
        if (ref && m_migrations.status())
            for (const auto& v : m_migrations.status()->history.versions)
                if (v.success && v.version < ref->version)
                    target = std::max(target, v.version);
        m_migrations.rollbackTo(target);
        return;
    }
    case ProblemRemedy::Action::OpenPlan:
        m_migrations.showPlan();
        return;
    case ProblemRemedy::Action::Adopt:
        adopt();
        return;
    }
}

} // namespace strata
