#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QObject>

#include "common/Error.h"
#include "connection/ConnectionTarget.h"
#include "jobs/StatusJob.h"

class QWidget;

namespace strata {

class DatabaseJob;
class JobRunner;
class ProblemActions;

/// Migrations > Roll back…, Baseline… and Plan…, and the problems' resolutions (ProblemActions): each asks
/// first, saying exactly what will happen, then runs on a worker with a progress dialog.
class MigrationActions : public QObject
{
    Q_OBJECT

public:
    explicit MigrationActions(QWidget& window);
    ~MigrationActions() override;

    void setContext(const std::optional<ConnectionTarget>& target,
                    const std::optional<DatabaseStatus>& status);
    /// A tracked database above version 0.
    bool canRollBack() const;
    /// An untracked database recognised by its set's baseline tables.
    bool canBaseline() const;
    /// The versions a rollback can go to: the applied versions below the current one, and 0.
    QList<qint64> rollbackTargets() const;
    /// The confirmation of a rollback: the steps it runs, newest first, or why it cannot run.
    QString rollbackQuestion(qint64 target) const;
    bool isBusy() const;
    void cancelRunning();
    const std::optional<ConnectionTarget>& target() const { return m_target; }
    const std::optional<DatabaseStatus>& status() const { return m_status; }
    /// The buttons of the problems on top of the timeline.
    ProblemActions* problems() const { return m_problems; }
    /// Runs `job` on a worker with a progress dialog; then says `message()` (or the error) and refreshes.
    void start(std::unique_ptr<DatabaseJob> job, std::function<QString()> message);

public Q_SLOTS:
    void rollback();
    void rollbackTo(qint64 target);
    void baseline();
    /// Migrations > Plan…: what a migrate would run (read-only).
    void showPlan();
    /// Asks, then records that the operator checked the database after the interrupted run `runId`.
    void acknowledgeRun(const QString& runId);

Q_SIGNALS:
    void done(const QString& message);
    void failed(const strata::Error& error);
    void databaseChanged();
    void idle();

private:
    QWidget& m_window;
    ProblemActions* m_problems;
    std::optional<ConnectionTarget> m_target;
    std::optional<DatabaseStatus> m_status;
    std::unique_ptr<JobRunner> m_runner;
};

} // namespace strata
