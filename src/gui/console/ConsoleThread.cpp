#include "console/ConsoleThread.h"

#include <atomic>
#include <climits>

#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "console/ConsoleWorker.h"

namespace strata {

namespace {

std::atomic_int endingThreads{0};

} // namespace

ConsoleThread::ConsoleThread(ConnectionUrl url, QObject* parent)
    : QObject(parent), m_worker(new ConsoleWorker(std::move(url))), m_thread(new QThread)
{
    m_thread->setObjectName(QStringLiteral("console"));
    m_worker->moveToThread(m_thread);
    ++endingThreads;
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    // Counted on the thread itself: the tab may be gone long before its thread ends.
    connect(
        m_thread, &QThread::finished, m_thread, [] { --endingThreads; }, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, this, &ConsoleThread::stopped);
#ifdef Q_OS_LINUX
    // The worker streams rows as fast as the connection gives them; on a busy machine it yields the CPU to
    // the GUI thread first, so the window keeps turning (a nicer thread; the statement's speed on an idle
    // machine is the same). QThread's priorities do nothing for ordinary threads on Linux; the thread's nice
    // value does.
    connect(
        m_thread, &QThread::started, m_thread,
        [] { setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), getpriority(PRIO_PROCESS, 0) + 5); },
        Qt::DirectConnection);
#endif
    m_thread->start();
}

ConsoleThread::~ConsoleThread()
{
    stop();
}

int ConsoleThread::ending()
{
    return endingThreads.load();
}

bool ConsoleThread::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ConsoleThread::stop()
{
    if (!m_worker)
        return;
    ConsoleWorker* worker = m_worker;
    m_worker = nullptr;
    worker->interrupt(INT_MAX);
    // Deleted on its own thread once the interrupted statement returned: the connection closes where it was
    // opened, then the thread ends and deletes itself.
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            delete worker;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
}

} // namespace strata
