#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include <QDialog>

#include "connection/ConnectionUrl.h"
#include "jobs/StatusJob.h"
#include "review/ReviewReport.h"

namespace Ui {
class PlanPreviewDialog;
}

class QTreeWidgetItem;

namespace strata {

class JobRunner;

/// Migrations > Plan…: the steps a migrate would run, by phase, with a switch for each optional step's
/// option, and the SQL of the selected step (or of every step, in run order). Read-only: it plans from the
/// status the timeline read, and runs and changes nothing. With a database to review on (reviewOn()), each
/// step shows the review of it (ReviewJob on a worker with its own connection, again after each switch):
/// findings by severity, the table's size, the safe rewrite in the details under the SQL.
class PlanPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PlanPreviewDialog(const DatabaseStatus& status, QWidget* parent = nullptr);
    ~PlanPreviewDialog() override;

    /// The size it opens at on a screen with `available` room: within a 1024x700 screen, larger on a
    /// large one.
    static QSize windowSize(const QSize& available);

    /// The steps that would run, in order ("2.1", "2.2", ...).
    QStringList plannedSteps() const;
    /// The phases shown, in order.
    QStringList phases() const;
    QString summary() const;
    QString shownSql() const;
    /// Switches an option as its checkbox does; false when the set has no such option.
    bool setOptionEnabled(const QString& option, bool enabled);
    void showEverySql(bool every);
    /// Selects a step of the list ("2.2"); false when it is not listed.
    bool selectStep(const QString& slot);
    /// Reviews the planned steps on `url` now and after each replan. `lockTimeout`: the run's lock_timeout
    /// from the operator config.
    void reviewOn(const ConnectionUrl& url, std::optional<std::chrono::milliseconds> lockTimeout);
    bool isReviewing() const;
    /// The last review that came back for the plan shown.
    const std::optional<ReviewReport>& review() const { return m_review; }
    /// The verdict shown beside step `slot` ("BLOCK 1"), empty when none.
    QString reviewVerdict(const QString& slot) const;

Q_SIGNALS:
    void reviewed(bool ok);

private:
    /// Colours set in code, for the theme shown.
    void recolour();
    void addOptions();
    void replan();
    void showSql();
    QStringList enabledOptions() const;
    void startReview();
    void showReview();
    QTreeWidgetItem* stepItem(const QString& slot) const;

    std::unique_ptr<Ui::PlanPreviewDialog> m_ui;
    DatabaseStatus m_status;
    MigrationPlan m_plan;
    std::optional<ConnectionUrl> m_url;
    std::optional<std::chrono::milliseconds> m_lockTimeout;
    std::unique_ptr<JobRunner> m_reviewer;
    std::optional<ReviewReport> m_review;
    bool m_reviewAgain = false; ///< the plan changed while a review ran
};

} // namespace strata
