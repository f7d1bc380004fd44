#include "jobs/JobRunner.h"

#include <QMetaObject>

#include "connection/DatabaseOpener.h"
#include "connection/InterruptOnCancel.h"

namespace strata {

namespace {

/// The runners started and not finished yet, of the thread that owns them (the GUI's).
thread_local QList<JobRunner*> runningRunners;

} // namespace

JobRunner::JobRunner(ConnectionUrl url, std::unique_ptr<DatabaseJob> job, QObject* parent)
    : QObject(parent), m_url(std::move(url)), m_job(std::move(job))
{
    qRegisterMetaType<strata::Error>("strata::Error");
}

JobRunner::~JobRunner()
{
    setRunning(false);
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

bool JobRunner::asksBeforeClose() const
{
    return m_job->asksBeforeClose();
}

QString JobRunner::operatorName() const
{
    return m_job->operatorName();
}

QList<JobRunner*> JobRunner::running()
{
    return runningRunners;
}

void JobRunner::setRunning(bool running)
{
    m_running = running;
    runningRunners.removeAll(this);
    if (running)
        runningRunners.append(this);
}

QString JobRunner::title() const
{
    return m_job->title();
}

bool JobRunner::isRunning() const
{
    // Until finished() is delivered: the worker thread may still be winding down after it, and a new job
    // must be able to start from a slot connected to finished().
    return m_running;
}

void JobRunner::start()
{
    m_thread = QThread::create([this] {
        Progress progress(
            [this](qint64 done, qint64 total, const QString& stage) {
                QMetaObject::invokeMethod(
                    this, [this, done, total, stage] { Q_EMIT progressed(done, total, stage); },
                    Qt::QueuedConnection);
            },
            &m_cancel);
        Status status;
        // The connection is opened, used and closed on this thread: a connection belongs to one thread.
        auto db = DatabaseOpener::open(m_url);
        m_connected = db.ok();
        if (!db)
            status = db.error();
        else if (m_job->onlyReads()) {
            // Cancelling a read also interrupts its running statement, so that it stops at once (closing
            // the window during a long count) instead of after the statement.
            InterruptOnCancel interrupt(**db, &m_cancel);
            status = m_job->run(**db, progress);
        } else
            status = m_job->run(**db, progress);
        const bool ok = status.ok();
        const Error error = ok ? Error{} : status.error();
        QMetaObject::invokeMethod(
            this,
            [this, ok, error] {
                setRunning(false);
                Q_EMIT finished(ok, error);
            },
            Qt::QueuedConnection);
    });
    setRunning(true);
    m_thread->setObjectName(QStringLiteral("strata-job"));
    m_thread->start();
}

void JobRunner::cancel()
{
    m_cancel = true;
}

bool JobRunner::wait(int milliseconds)
{
    return !m_thread || m_thread->wait(milliseconds);
}

} // namespace strata
