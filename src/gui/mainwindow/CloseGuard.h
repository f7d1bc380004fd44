#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace strata {

class JobRunner;

/// Before the window closes, every job that runs on a worker of its own is stopped, and the window closes
/// only once they all have, so that the process ends promptly instead of running on without a window and
/// the GUI thread never waits on a database. The jobs the operator started and waits for (an exact row
/// count, a table's size and index advice, a drift check; DatabaseJob::asksBeforeClose) are named in a
/// question first; what the window reads for itself (the status, the schema, the watch's probe) is stopped
/// silently. Reads are interrupted inside their statement (DatabaseJob::onlyReads, InterruptOnCancel). A
/// data grid's readers stop with the grid (they interrupt their statement when it is destroyed).
class CloseGuard : public QObject
{
    Q_OBJECT

public:
    explicit CloseGuard(QWidget& window);

    /// True when no job runs on a worker: the window may close now. Otherwise asks when one of them is
    /// waited for, stops them all, returns false, and closes the window again once they have stopped.
    bool allowsClose();
    /// The jobs are being stopped; the window closes when they have.
    bool isStopping() const { return !m_stopping.isEmpty(); }
    /// The question asked for this work, each in the operator's words ("the exact row count of orders").
    static QString question(const QStringList& work);
    /// The jobs running now that ask before the window closes.
    static QList<JobRunner*> longJobs();

Q_SIGNALS:
    /// The window is waiting for these jobs to stop (for the status bar).
    void stopping(const QString& message);

private:
    void stopAll();
    void onStopped();

    QWidget& m_window;
    QList<QPointer<JobRunner>> m_stopping;
    bool m_stoppedOnce = false; ///< a round of stopping ended: what started since is only cancelled
};

} // namespace strata
