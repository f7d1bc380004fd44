#pragma once

#include <QObject>

#include "adoption/AdoptionPlan.h"
#include "common/Result.h"
#include "migrations/Problem.h"
#include "migrations/ProblemRemedy.h"
#include "migrations/StepResolution.h"

class QWidget;

namespace strata {

class ChangedScriptDialog;
class MigrationActions;

/// What the problems' buttons do: the side-by-side diff of a changed file, and the resolutions of
/// `strata-cli resolve` (run as a ResolveJob under the run lock, after a question that says exactly what
/// will be recorded and that no SQL runs), a rollback for an out-of-order file, the plan for an option.
class ProblemActions : public QObject
{
    Q_OBJECT

public:
    ProblemActions(QWidget& window, MigrationActions& migrations);

    /// The question asked before `action` on step `slot`, or empty when it cannot apply.
    QString resolveQuestion(const QString& slot, StepResolution::Action action) const;

public Q_SLOTS:
    void handle(const strata::Problem& problem, strata::ProblemRemedy::Action action);
    /// Asks, then records the resolution on a worker; the timeline refreshes afterwards.
    void resolve(const QString& slot, strata::StepResolution::Action action);
    /// What adopting the other tool's history would record (each step, the tool's row, checksum
    /// disagreements), or why it cannot; planned from the status the timeline shows.
    Result<AdoptionPlan> adoptionPlan() const;
    /// The question asked before adopting `plan`.
    QString adoptQuestion(const AdoptionPlan& plan) const;
    /// Asks, then adopts the other tool's history on a worker; the timeline refreshes afterwards.
    void adopt();
    /// Opens the diff of step `slot`'s changed file (the window stays usable); null when there is none.
    ChangedScriptDialog* showChangedScript(const QString& slot);

private:
    const MigrationStep* fileOf(const QString& slot) const;

    QWidget& m_window;
    MigrationActions& m_migrations;
};

} // namespace strata
