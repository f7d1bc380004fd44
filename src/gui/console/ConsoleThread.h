#pragma once

#include <QObject>
#include <QPointer>

#include "connection/ConnectionUrl.h"

class QThread;

namespace strata {

class ConsoleWorker;

/// The thread of one editor tab and the worker on it. Created at the tab's first run. stop() never waits:
/// it interrupts the running statement, has the worker deleted on its own thread (its connection closes
/// there, a held transaction is rolled back) and lets the thread end by itself; stopped() follows.
class ConsoleThread : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleThread(ConnectionUrl url, QObject* parent = nullptr);
    ~ConsoleThread() override;

    ConsoleWorker* worker() const { return m_worker; }
    /// The thread still runs (a stop asked for may not have ended yet).
    bool isRunning() const;
    void stop();
    /// Threads of every tab that are still ending, for the window's close.
    static int ending();

Q_SIGNALS:
    void stopped();

private:
    ConsoleWorker* m_worker;
    QPointer<QThread> m_thread;
};

} // namespace strata
