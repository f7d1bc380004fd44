#include "jobs/RunSession.h"

#include <QMetaObject>

#include "jobs/RunSessionWorker.h"

namespace strata {

RunSession::RunSession(ConnectionUrl url, QString setFolder, PhasedRun::Settings settings, QObject* parent)
    : QObject(parent), m_url(url)
{
    qRegisterMetaType<strata::Error>("strata::Error");
    qRegisterMetaType<strata::CheckResult>("strata::CheckResult");
    settings.cancel = &m_cancel;
    settings.abort = &m_abort;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_worker = new RunSessionWorker(*this, std::move(url), std::move(setFolder), std::move(settings));
    m_thread.setObjectName(QStringLiteral("strata-run"));
    m_thread.start();
}

RunSession::~RunSession()
{
    m_cancel = true;
    // The connection and the run lock belong to the worker thread: they are released there, and the thread
    // ends only after that. A quit() from here could end its event loop first (the worker was still busy with
    // a phase, or woke after both calls): the worker was then never deleted, and its connection stayed open
    // and its run lock held until the process ended.
    QMetaObject::invokeMethod(
        m_context,
        [worker = m_worker, context = m_context] {
            delete worker;
            delete context;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void RunSession::post(std::function<void(RunSessionWorker&)> work)
{
    m_busy = true;
    m_cancel = false;
    m_abort = false;
    QMetaObject::invokeMethod(
        m_context, [worker = m_worker, work = std::move(work)] { work(*worker); }, Qt::QueuedConnection);
}

void RunSession::ended(const QString& phase, const Status& status, const RunReport& report)
{
    m_report = report;
    m_busy = false;
    const Error error = status.ok() ? Error{} : status.error();
    Q_EMIT phaseDone(phase, status.ok(), error);
}

void RunSession::prepare()
{
    post([](RunSessionWorker& w) { w.prepare(); });
}

void RunSession::preflight()
{
    post([](RunSessionWorker& w) { w.run(QStringLiteral("preflight"), &PhasedRun::runPreflight); });
}

void RunSession::backup()
{
    post([](RunSessionWorker& w) { w.run(QStringLiteral("backup"), &PhasedRun::runBackup); });
}

void RunSession::review()
{
    post([](RunSessionWorker& w) { w.review(); });
}

void RunSession::rehearse()
{
    post([](RunSessionWorker& w) { w.rehearse(); });
}

void RunSession::choose(const QStringList& enable)
{
    post([enable](RunSessionWorker& w) { w.choose(enable); });
}

void RunSession::apply()
{
    post([](RunSessionWorker& w) { w.apply(); });
}

void RunSession::verify()
{
    post([](RunSessionWorker& w) { w.run(QStringLiteral("verification"), &PhasedRun::runVerification); });
}

void RunSession::finish()
{
    post([](RunSessionWorker& w) { w.run(QStringLiteral("post"), &PhasedRun::runPostHook); });
}

void RunSession::restore()
{
    post([](RunSessionWorker& w) { w.run(QStringLiteral("restore"), &PhasedRun::restoreBackup); });
}

void RunSession::withdraw()
{
    post([](RunSessionWorker& w) { w.run(QStringLiteral("withdraw"), &PhasedRun::withdraw); });
}

void RunSession::cancel()
{
    m_cancel = true;
}

void RunSession::abortStep()
{
    m_cancel = true;
    m_abort = true;
}

} // namespace strata
