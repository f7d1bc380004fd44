#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <QHash>
#include <QList>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "rehearsal/RehearsedLock.h"

namespace strata {

/// Watches which tables one PostgreSQL session holds locks on, from a second session of its own on a thread
/// of its own: pg_locks every millisecond in a step's first 50 ms, then every `interval`, while a step is
/// marked as running. Keeps, per step and table, the
/// strongest mode seen and how long it was seen held (from the first sample that saw it to the last, plus
/// one interval: the resolution of the sampling).
class LockSampler
{
public:
    LockSampler(ConnectionUrl url, int watchedPid,
                std::chrono::milliseconds interval = std::chrono::milliseconds(15));
    ~LockSampler();
    LockSampler(const LockSampler&) = delete;
    LockSampler& operator=(const LockSampler&) = delete;

    /// Connects the second session and starts sampling; an error when it cannot connect.
    Status start();
    /// The step now running (an id the caller picks), or -1 between steps: samples are kept for it.
    void enterStep(int id) { m_step.store(id); }
    /// Stops sampling and ends the second session.
    void stop();
    /// The locks seen during step `id`, strongest first (after stop()).
    QList<RehearsedLock> locksOf(int id) const;
    qint64 sampleCount() const { return m_samples.load(); }
    int watchedPid() const { return m_pid; }
    /// The sampled locks with those read at the end of the step's statements (relation -> raw pg_locks
    /// mode): a lock no sample saw is added as held `unsampledMs`, a stronger mode seen at the end wins.
    static QList<RehearsedLock> merged(QList<RehearsedLock> sampled, const QHash<QString, QString>& atEnd,
                                       qint64 unsampledMs);
    std::chrono::milliseconds interval() const { return m_interval; }
    /// The rank of a pg_locks mode, weakest (AccessShareLock, 1) to strongest (AccessExclusiveLock, 8).
    static int rankOf(const QString& mode);
    /// "ShareRowExclusiveLock" -> "SHARE ROW EXCLUSIVE".
    static QString modeName(const QString& mode);
    /// The rank of a mode's name ("SHARE" -> 5); 0 for an unknown one.
    static int nameRank(const QString& name);

private:
    struct Seen
    {
        QString mode;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
    };
    void sample();

    ConnectionUrl m_url;
    int m_pid;
    std::chrono::milliseconds m_interval;
    std::atomic_int m_step{-1};
    std::atomic<qint64> m_samples{0};
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QHash<int, QHash<QString, Seen>> m_seen; ///< written by the sampling thread, read after stop()
};

} // namespace strata
