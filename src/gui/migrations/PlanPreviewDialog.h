#pragma once

#include <memory>

#include <QDialog>

#include "jobs/StatusJob.h"

namespace Ui {
class PlanPreviewDialog;
}

class QTreeWidgetItem;

namespace strata {

/// Migrations > Plan…: the steps a migrate would run, by phase, with a switch for each optional step's
/// option, and the SQL of the selected step (or of every step, in run order). Read-only: it plans from the
/// status the timeline read, and runs and changes nothing.
class PlanPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PlanPreviewDialog(const DatabaseStatus& status, QWidget* parent = nullptr);
    ~PlanPreviewDialog() override;

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

private:
    void addOptions();
    void replan();
    void showSql();
    QStringList enabledOptions() const;

    std::unique_ptr<Ui::PlanPreviewDialog> m_ui;
    DatabaseStatus m_status;
    MigrationPlan m_plan;
};

} // namespace strata
