#include "jobs/BlockersJob.h"

#include <QElapsedTimer>

#include "common/Counted.h"
#include "preflight/BlockerScan.h"
#include "preflight/BlockerWait.h"
#include "preflight/SessionControl.h"

namespace strata {

QString BlockersJob::title() const
{
    switch (m_action) {
    case Action::Wait:
        return QStringLiteral("Waiting for the sessions in the way to finish");
    case Action::Cancel:
        return QStringLiteral("Cancelling the statement of session %1").arg(m_pid);
    case Action::Terminate:
        return QStringLiteral("Ending session %1").arg(m_pid);
    case Action::Scan:
        break;
    }
    return QStringLiteral("Looking for sessions in the way");
}

Status BlockersJob::run(Database& db, const Progress& progress)
{
    if (m_action == Action::Cancel || m_action == Action::Terminate) {
        const Status done = m_action == Action::Cancel ? SessionControl::cancel(db, m_pid)
                                                       : SessionControl::terminate(db, m_pid);
        if (!done)
            return done;
    }
    if (m_action != Action::Wait) {
        auto report = BlockerScan::scan(db, m_tables);
        if (!report)
            return report.error();
        m_report = std::move(report).value();
        return {};
    }
    QElapsedTimer timer;
    timer.start();
    const qint64 total = std::max<qint64>(1, m_waitFor.count() / 1000);
    auto waited =
        BlockerWait::untilClear(db, m_tables, m_waitFor, progress.cancelFlag(), [&](const BlockerReport& r) {
            progress.report(
                std::min<qint64>(total, timer.elapsed() / 1000), total,
                QStringLiteral("Waiting for %1 to finish")
                    .arg(counted(r.sessions.size(), QStringLiteral("session"), QStringLiteral("sessions"))));
        });
    if (!waited)
        return waited.error();
    m_report = waited->report;
    return {};
}

} // namespace strata
