#pragma once

#include <atomic>
#include <thread>

namespace strata {

class Database;

/// While it lives, watches a cancel flag and, once it is set, interrupts the statement running on `db`
/// (sqlite3_interrupt, PostgreSQL's cancel request) so that a long statement stops within a fraction of a
/// second instead of at the next safe point. It interrupts again every 100 ms until it is destroyed: a
/// PostgreSQL cancel that arrives before the server has started the statement is dropped.
///
/// Scope it tightly around the statements that may be stopped: what runs after it (removing a scratch
/// database, recording a failure) must not be interrupted.
class InterruptOnCancel
{
public:
    InterruptOnCancel(Database& db, const std::atomic_bool* cancel);
    ~InterruptOnCancel();
    InterruptOnCancel(const InterruptOnCancel&) = delete;
    InterruptOnCancel& operator=(const InterruptOnCancel&) = delete;

    /// A statement was interrupted because of the flag.
    bool interrupted() const { return m_interrupted.load(); }

private:
    std::atomic_bool m_done{false};
    std::atomic_bool m_interrupted{false};
    std::thread m_watcher;
};

} // namespace strata
