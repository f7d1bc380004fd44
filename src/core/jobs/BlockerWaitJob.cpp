#include "jobs/BlockerWaitJob.h"

#include <algorithm>

#include <QElapsedTimer>

namespace strata {

Status BlockerWaitJob::run(Database& db, const Progress& progress)
{
    const qint64 total = m_timeout.count();
    QElapsedTimer clock;
    clock.start();
    auto waited = BlockerWait::untilClear(
        db, m_tables, m_timeout, progress.cancelFlag(), [&](const BlockerReport& scan) {
            progress.report(std::min(clock.elapsed(), total), total,
                            QStringLiteral("%1 still listed")
                                .arg(scan.sessions.size() == 1
                                         ? QStringLiteral("1 session")
                                         : QStringLiteral("%1 sessions").arg(scan.sessions.size())));
        });
    if (!waited)
        return waited.error();
    m_outcome = *waited;
    return {};
}

} // namespace strata
