#pragma once

#include <memory>

#include <QWizardPage>

#include "common/Error.h"

namespace Ui {
class PlanPage;
}

namespace strata {

class RunSession;
struct MigrationPlan;

/// The plan: the steps that will run, phase by phase, with the SQL of each, and the optional phases as
/// checkboxes (their defaults come from the operator config). Changing a checkbox plans again on the
/// worker, under the lock the run holds.
class PlanPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PlanPage(RunSession& session, QWidget* parent = nullptr);
    ~PlanPage() override;

    bool isComplete() const override;
    /// The options that are ticked.
    QStringList enabledOptions() const;

protected:
    void initializePage() override;

private:
    void showPlan(const MigrationPlan& plan);
    void fillOptions(const MigrationPlan& plan);
    void onOptionToggled();
    void onPlanned(bool ok, const Error& error);

    RunSession& m_session;
    std::unique_ptr<Ui::PlanPage> m_ui;
    bool m_replanning = false;
    bool m_filled = false;
};

} // namespace strata
