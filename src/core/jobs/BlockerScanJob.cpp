#include "jobs/BlockerScanJob.h"

#include "preflight/BlockerScan.h"

namespace strata {

Status BlockerScanJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, QStringLiteral("reading the sessions"));
    auto scan = BlockerScan::scan(db, m_tables);
    if (!scan)
        return scan.error();
    m_report = *scan;
    progress.report(1, 1, QStringLiteral("read the sessions"));
    return {};
}

} // namespace strata
