#include "preflight/BlockerWait.h"

#include <QDeadlineTimer>
#include <QThread>

#include "preflight/BlockerScan.h"

namespace strata {

Result<BlockerWait::Outcome> BlockerWait::untilClear(Database& db, const QStringList& tables,
                                                     std::chrono::milliseconds timeout,
                                                     const std::atomic_bool* cancel,
                                                     const std::function<void(const BlockerReport&)>& scanned,
                                                     std::chrono::milliseconds interval)
{
    QDeadlineTimer deadline(timeout);
    Outcome outcome;
    for (;;) {
        auto report = BlockerScan::scan(db, tables);
        if (!report)
            return report.error();
        outcome.report = *report;
        outcome.clear = report->isEmpty();
        if (scanned)
            scanned(*report);
        if (outcome.clear || deadline.hasExpired())
            return outcome;
        // Sleep in short slices so that a cancel is heard at once.
        QDeadlineTimer nextScan(std::min<qint64>(interval.count(), deadline.remainingTime()));
        while (!nextScan.hasExpired()) {
            if (cancel && cancel->load()) {
                outcome.cancelled = true;
                return outcome;
            }
            QThread::msleep(static_cast<unsigned long>(std::min<qint64>(25, nextScan.remainingTime() + 1)));
        }
    }
}

} // namespace strata
