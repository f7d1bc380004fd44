#pragma once

#include <atomic>
#include <thread>

#include "common/Progress.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// While it lives, reports how far a PostgreSQL VACUUM (ANALYZE) running in session `pid` is: a thread of
/// its own opens a second connection and reads pg_stat_progress_vacuum (heap pages scanned of the total,
/// the phase) and then pg_stat_progress_analyze (sample pages) every 250 ms, and passes them to
/// `progress`. The session running the VACUUM cannot ask: it is busy with the statement. When the second
/// connection cannot be had, nothing is reported and the VACUUM runs on regardless.
class VacuumProgressWatch
{
public:
    VacuumProgressWatch(ConnectionUrl url, int pid, const Progress& progress);
    ~VacuumProgressWatch();
    VacuumProgressWatch(const VacuumProgressWatch&) = delete;
    VacuumProgressWatch& operator=(const VacuumProgressWatch&) = delete;
    /// How many reports with a known total were passed on (for tests).
    int reports() const { return m_reports; }

private:
    std::atomic_bool m_stop{false};
    std::atomic_int m_reports{0};
    std::thread m_thread;
};

} // namespace strata
