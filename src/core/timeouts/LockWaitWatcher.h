#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "connection/ConnectionUrl.h"
#include "connection/Database.h"
#include "timeouts/LockWait.h"

namespace strata {

/// Watches, from a second PostgreSQL session of its own, what the run's session waits for while a step runs:
/// once the step times out on a lock, its wait (and the holder's lock) is gone from pg_locks, so the holder
/// is seen during the wait or never. Polls only while armed, every 100 ms, and calls pg_blocking_pids only
/// while the run's session waits on a lock.
class LockWaitWatcher
{
public:
    /// A watcher for `db`'s session, or nothing on SQLite (whose lock holders are found from /proc).
    static std::unique_ptr<LockWaitWatcher> forDatabase(Database& db);
    ~LockWaitWatcher();
    LockWaitWatcher(const LockWaitWatcher&) = delete;
    LockWaitWatcher& operator=(const LockWaitWatcher&) = delete;

    /// Starts watching (a step begins).
    void arm();
    /// Stops watching and returns the last wait seen since arm(), if any.
    std::optional<LockWait> disarm();
    /// SQLite: the other processes that have the file open now (who holds its lock after a busy timeout);
    /// nothing on PostgreSQL, where only a watcher sees the holder.
    static QList<LockHolder> fileHolders(Database& db);

private:
    LockWaitWatcher(ConnectionUrl url, int watchedPid);
    void loop();

    ConnectionUrl m_url;
    int m_watchedPid = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_armed = false;
    bool m_quit = false;
    std::optional<LockWait> m_seen;
    std::thread m_thread;
};

} // namespace strata
