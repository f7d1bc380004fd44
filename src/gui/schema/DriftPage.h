#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "drift/DriftReport.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace strata {

class DriftJob;
class ErrorBanner;
class JobRunner;

/// Schema drift for the open database: "Check for drift" replays the migrations its history records into a
/// scratch database on a worker (DriftJob on a JobRunner, with progress and Cancel) and lists what differs,
/// grouped by table: the object, whether it is missing, extra or changed, what the migrations say against
/// what the database has, and what to do about it. The window never waits on the check.
class DriftPage : public QWidget
{
    Q_OBJECT

public:
    enum Column { ObjectColumn, KindColumn, ExpectedColumn, ActualColumn, AdviceColumn };

    explicit DriftPage(QWidget* parent = nullptr);
    ~DriftPage() override;

    /// The database to check and its migration set folder; forgets the last result. nullopt: nothing open.
    void setTarget(std::optional<ConnectionUrl> url, const QString& setFolder);
    /// The window read the database again (after a job, a wizard, a change underneath): the last result,
    /// or the error of the last check, may no longer be true and is put away. A check that runs goes on.
    void databaseReadAgain();
    /// Starts a check (what the button does); does nothing while one runs or when nothing is open.
    void check();
    /// Asks a running check to stop; its scratch database is removed.
    void cancel();
    bool isChecking() const;

    const std::optional<DriftReport>& report() const { return m_report; }
    /// The line above the list: "2 differences: 1 missing, 1 extra", "No drift…", or the state of a check.
    QString summary() const;
    QPushButton* checkButton() const { return m_checkButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QTreeWidget* differences() const { return m_tree; }
    ErrorBanner* banner() const { return m_banner; }

Q_SIGNALS:
    /// A check ended: `ok` false when it failed or was cancelled (the banner says why).
    void checked(bool ok);

private:
    void onProgress(qint64 done, qint64 total, const QString& stage);
    void onFinished(bool ok, const Error& error);
    void showReport(const DriftReport& report);
    void showDetails(QTreeWidgetItem* item);
    void setChecking(bool checking);
    /// Colours the stage, the summary and the kinds for the theme shown now (again on View > Theme).
    void restyle();

    ErrorBanner* m_banner;
    QLabel* m_intro;
    QPushButton* m_checkButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_stage;
    QLabel* m_summary;
    QTreeWidget* m_tree;
    QLabel* m_details;
    QLabel* m_notes;
    std::optional<ConnectionUrl> m_url;
    QString m_setFolder;
    std::unique_ptr<JobRunner> m_runner;
    DriftJob* m_job = nullptr;
    std::optional<DriftReport> m_report;
};

} // namespace strata
