#include "mainwindow/CloseGuard.h"

#include <algorithm>

#include <QMessageBox>
#include <QPushButton>
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

QString CloseGuard::question(const QStringList& work)
{
    QString named =
        work.size() == 1
            ? work.first()
            : tr("%1 and %2").arg(work.mid(0, work.size() - 1).join(QStringLiteral(", ")), work.last());
    if (!named.isEmpty())
        named[0] = named[0].toUpper();
    const bool drift = std::any_of(work.cbegin(), work.cend(),
                                   [](const QString& w) { return w.contains(QLatin1String("drift check")); });
    return tr("%1 %2 still running. Stop and close Strata?\n\nStopping changes nothing: the database is only "
              "read, and the running statement is interrupted%3. Keep Strata open to let %4 finish.")
        .arg(named, work.size() == 1 ? tr("is") : tr("are"),
             drift ? tr("; a drift check removes its scratch copy") : QString(),
             work.size() == 1 ? tr("it") : tr("them"));
}

bool CloseGuard::allowsClose()
{
    if (isStopping())
        return false;
    if (m_stoppedOnce) {
        // The jobs were stopped; a read the window started since (a watch's poll) stops as it goes.
        for (JobRunner* job : JobRunner::running())
            job->cancel();
        m_stoppedOnce = false;
        return true;
    }
    QStringList asking;
    for (const JobRunner* job : longJobs())
        asking << job->operatorName();
    if (!asking.isEmpty()) {
        QMessageBox box(QMessageBox::Question, tr("A job is running"), question(asking),
                        QMessageBox::Yes | QMessageBox::No, &m_window);
        box.button(QMessageBox::Yes)->setText(tr("Stop and close"));
        box.button(QMessageBox::No)->setText(tr("Keep Strata open"));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes)
            return false;
    }
    if (JobRunner::running().isEmpty())
        return true;
    stopAll();
    return false;
}

void CloseGuard::stopAll()
{
    QStringList names;
    for (JobRunner* job : JobRunner::running()) {
        m_stopping << job;
        names << job->operatorName();
        // Queued: the runner's own finished() handlers (the page showing "Count stopped") run first.
        connect(job, &JobRunner::finished, this, &CloseGuard::onStopped, Qt::QueuedConnection);
        connect(job, &QObject::destroyed, this, &CloseGuard::onStopped, Qt::QueuedConnection);
        job->cancel();
    }
    Q_EMIT stopping(tr("Stopping %1 before Strata closes…").arg(names.join(QStringLiteral(", "))));
}

void CloseGuard::onStopped()
{
    if (m_stopping.isEmpty())
        return;
    m_stopping.removeIf([](const QPointer<JobRunner>& job) { return !job || !job->isRunning(); });
    if (!m_stopping.isEmpty())
        return;
    m_stoppedOnce = true;
    QTimer::singleShot(0, &m_window, &QWidget::close);
}

} // namespace strata
