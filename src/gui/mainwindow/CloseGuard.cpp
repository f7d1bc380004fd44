#include "mainwindow/CloseGuard.h"

#include <QMessageBox>
#include <QTimer>
#include <QWidget>

#include "jobs/JobRunner.h"

namespace strata {

CloseGuard::CloseGuard(QWidget& window) : QObject(&window), m_window(window) {}

QList<JobRunner*> CloseGuard::longJobs()
{
    QList<JobRunner*> jobs;
    for (JobRunner* runner : JobRunner::running())
        if (runner->asksBeforeClose())
            jobs << runner;
    return jobs;
}

QString CloseGuard::question(const QList<JobRunner*>& jobs)
{
    QStringList titles;
    for (const JobRunner* job : jobs)
        titles << job->title();
    return tr("%1 %2 still running. Stop and close Strata?\n\nStopping changes nothing: the database is only "
              "read, and a drift check removes its scratch copy.")
        .arg(titles.join(QStringLiteral(", ")), jobs.size() == 1 ? tr("is") : tr("are"));
}

bool CloseGuard::allowsClose()
{
    if (isStopping())
        return false;
    const QList<JobRunner*> jobs = longJobs();
    if (jobs.isEmpty())
        return true;
    if (QMessageBox::question(&m_window, tr("A job is running"), question(jobs),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    for (JobRunner* job : jobs) {
        m_stopping << job;
        connect(job, &JobRunner::finished, this, &CloseGuard::onStopped, Qt::QueuedConnection);
        job->cancel();
    }
    return false;
}

void CloseGuard::onStopped()
{
    if (m_stopping.isEmpty())
        return;
    m_stopping.removeIf([](const QPointer<JobRunner>& job) { return !job || !job->isRunning(); });
    if (!m_stopping.isEmpty())
        return;
    QTimer::singleShot(0, &m_window, &QWidget::close);
}

} // namespace strata
