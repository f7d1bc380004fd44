#pragma once

#include <memory>

#include <QWizardPage>

#include "common/Error.h"

namespace Ui {
class PlanPage;
}

class QTreeWidgetItem;

namespace strata {

class RunSession;
struct MigrationPlan;
struct ReviewReport;
struct RehearsalReport;

/// The plan: the steps that will run, phase by phase, with the SQL of each, and the optional phases as
/// checkboxes (their defaults come from the operator config). Changing a checkbox plans again on the
/// worker, under the lock the run holds.
///
/// Beside each step, the review of it (PlanReview, run on the session's worker against the live database):
/// its findings by severity, the table's size, the safe rewrite and the findings a step allows, with the
/// whole of a step's review in the details pane. A block finding keeps Apply off and says why on the page.
/// "Rehearse on a copy first" runs the steps on a copy of the backup just taken, and each step then shows
/// what it took there ("2.2 indexes: locks enforcement_log (SHARE) 1.8 s, measured on a copy of 3.1 M rows").
class PlanPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PlanPage(RunSession& session, QWidget* parent = nullptr);
    ~PlanPage() override;

    bool isComplete() const override;
    /// The options that are ticked.
    QStringList enabledOptions() const;
    /// A review is running on the worker.
    bool isReviewing() const { return m_reviewing; }
    /// A rehearsal is running on the worker.
    bool isRehearsing() const { return m_rehearsing; }
    /// The step row of `slot` ("2.2"), or null.
    QTreeWidgetItem* stepItem(const QString& slot) const;

protected:
    void initializePage() override;

private:
    void showPlan(const MigrationPlan& plan);
    void fillOptions(const MigrationPlan& plan);
    void onOptionToggled();
    void onPlanned(bool ok, const Error& error);
    void startReview();
    void onReviewed(bool ok, const Error& error);
    void showReview(const ReviewReport& report);
    void showDetails(QTreeWidgetItem* item);
    void startRehearsal();
    void onRehearsalProgress(qint64 done, qint64 total, const QString& stage);
    void onRehearsalDone(bool ok, const Error& error);
    void showRehearsal(const RehearsalReport& report);
    /// The rows of what the rehearsal did, coloured again for the theme shown now (View > Theme).
    void restyleRehearsal();

    RunSession& m_session;
    std::unique_ptr<Ui::PlanPage> m_ui;
    bool m_replanning = false;
    bool m_filled = false;
    bool m_reviewing = false;
    bool m_reviewed = false;
    bool m_blocked = false;
    bool m_rehearsing = false;
    bool m_rehearsalFailed = false;
};

} // namespace strata
