#pragma once

#include <QWizard>

#include "connection/ConnectionUrl.h"
#include "run/PhasedRun.h"

namespace strata {

class ApplyPage;
class BackupPage;
class FinishPage;
class PlanPage;
class PreflightPage;
class RunSession;
class VerificationPage;

/// Migrations > Migrate…: seed 004's runbook, one page per phase (pre-flight, backup, plan, apply,
/// verification, finish). The run lives on a worker session that holds the run lock from the first page
/// to the last. Closing the wizard (or the window) while a step runs asks first, and stops the step now (it
/// rolls back and the history records it as failed) or after it: a step is never left half-applied.
class MigrationWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { Preflight, Backup, Plan, Apply, Verification, Finish };

    MigrationWizard(const ConnectionUrl& url, const QString& setFolder, const PhasedRun::Settings& settings,
                    QWidget* parent = nullptr);
    ~MigrationWizard() override;

    RunSession& session() const { return *m_session; }
    /// Something in the database may have changed (a step ran, or a backup was restored).
    bool changedDatabase() const { return m_changed; }
    /// The wizard waits for the running phase to stop before it closes.
    bool isClosing() const { return m_closeWhenIdle; }

    PreflightPage* preflightPage() const { return m_preflight; }
    BackupPage* backupPage() const { return m_backup; }
    PlanPage* planPage() const { return m_plan; }
    ApplyPage* applyPage() const { return m_apply; }
    VerificationPage* verificationPage() const { return m_verification; }
    FinishPage* finishPage() const { return m_finish; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void databaseChanged();

private:
    void onPhaseDone(const QString& phase, bool ok);
    QString closingQuestion() const;

    RunSession* m_session;
    PreflightPage* m_preflight;
    BackupPage* m_backup;
    PlanPage* m_plan;
    ApplyPage* m_apply;
    VerificationPage* m_verification;
    FinishPage* m_finish;
    bool m_changed = false;
    bool m_closeWhenIdle = false;
    bool m_withdrawn = false;
};

} // namespace strata
