#include "health/VacuumProgressWatch.h"

#include <chrono>

#include "connection/DatabaseOpener.h"

namespace strata {

VacuumProgressWatch::VacuumProgressWatch(ConnectionUrl url, int pid, const Progress& progress)
{
    m_thread = std::thread([this, url = std::move(url), pid, progress] {
        auto db = DatabaseOpener::open(url);
        if (!db)
            return;
        const QString sql = QStringLiteral(
            "SELECT 'vacuum: ' || phase, heap_blks_total, heap_blks_scanned FROM pg_stat_progress_vacuum "
            "WHERE pid = ?::int UNION ALL "
            "SELECT 'analyze: ' || phase, sample_blks_total, sample_blks_scanned FROM "
            "pg_stat_progress_analyze "
            "WHERE pid = ?::int");
        while (!m_stop) {
            auto rows = (*db)->query(sql, {pid, pid});
            if (!rows)
                return;
            if (!rows->isEmpty()) {
                const qint64 total = rows->value(0, 1).toLongLong();
                const qint64 done = rows->value(0, 2).toLongLong();
                if (total > 0) {
                    progress.report(done, total,
                                    QStringLiteral("%1 (%2 of %3 pages)")
                                        .arg(rows->value(0, 0).toString())
                                        .arg(done)
                                        .arg(total));
                    ++m_reports;
                }
            }
            for (int i = 0; i < 5 && !m_stop; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
}

VacuumProgressWatch::~VacuumProgressWatch()
{
    m_stop = true;
    m_thread.join();
}

} // namespace strata
