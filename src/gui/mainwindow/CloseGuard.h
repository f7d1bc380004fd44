#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace strata {

class JobRunner;

/// Before the window closes: the long jobs that run on workers of their own (a drift check, an exact row
/// count; DatabaseJob::asksBeforeClose) are named, and the operator is asked whether to stop them. On yes
/// they are cancelled (their running statement is interrupted) and the window closes as soon as the last
/// one has stopped, so the process ends promptly instead of running on without a window.
class CloseGuard : public QObject
{
    Q_OBJECT

public:
    explicit CloseGuard(QWidget& window);

    /// True when no long job runs: the window may close now. Otherwise asks (once) and returns false; the
    /// window is closed again when the jobs the operator chose to stop have ended.
    bool allowsClose();
    /// The operator chose to stop the jobs; the window closes when they have.
    bool isStopping() const { return !m_stopping.isEmpty(); }
    /// The question asked for these jobs.
    static QString question(const QList<JobRunner*>& jobs);
    /// The long jobs running now.
    static QList<JobRunner*> longJobs();

private:
    void onStopped();

    QWidget& m_window;
    QList<QPointer<JobRunner>> m_stopping;
};

} // namespace strata
