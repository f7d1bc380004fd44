#pragma once

#include <atomic>
#include <memory>

#include <QObject>
#include <QThread>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// Runs one DatabaseJob on a thread of its own with a connection of its own, so the thread that started
/// it (the GUI) never waits on a database. Progress and the end arrive as queued signals on the thread
/// that owns the runner. cancel() asks the job to stop at its next safe point.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    JobRunner(ConnectionUrl url, std::unique_ptr<DatabaseJob> job, QObject* parent = nullptr);
    ~JobRunner() override;

    QString title() const;
    bool isRunning() const;
    /// Whether the worker's connection to the database opened (false while it has not, or when it failed:
    /// then the job never ran and finished() carries the connection's error).
    bool connected() const { return m_connected; }
    /// The job is one the operator waits for: closing the window asks first (DatabaseJob::asksBeforeClose).
    bool asksBeforeClose() const;
    /// The job in the operator's words, for the close question (DatabaseJob::operatorName).
    QString operatorName() const;
    /// The runners of this thread whose job has started and not finished yet, oldest first (the window
    /// asks about them before it closes).
    static QList<JobRunner*> running();
    /// Starts the worker thread. Emits finished() exactly once.
    void start();
    /// Asks the job to stop; it stops between units of work, never half-way through one.
    void cancel();
    /// Waits for the worker to end (for shutdown and tests; the GUI never calls it).
    bool wait(int milliseconds);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total, const QString& stage);
    /// `ok` false: `error` says what happened, what was left unchanged and what to do.
    void finished(bool ok, const strata::Error& error);

private:
    void setRunning(bool running);

    ConnectionUrl m_url;
    std::unique_ptr<DatabaseJob> m_job;
    std::atomic_bool m_cancel{false};
    std::atomic_bool m_connected{false};
    QThread* m_thread = nullptr;
    bool m_running = false; ///< on the owner's thread: from start() until finished() is delivered
};

} // namespace strata
