#include "jobs/RehearsalJob.h"

#include "migrations/HistoryStore.h"
#include "migrations/MigrationSetLoader.h"
#include "rehearsal/Rehearsal.h"

namespace strata {

Status RehearsalJob::run(Database& db, const Progress& progress)
{
    auto set = MigrationSetLoader::load(m_setFolder);
    if (!set)
        return set.error();
    auto lock = db.acquireRunLock(m_lockTimeout, {});
    if (!lock)
        return lock.error();
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    auto plan = MigrationPlanner(*set, db.dialect(), *history, *tables).planUp(m_request);
    if (!plan)
        return plan.error();
    if (plan->blocked())
        return Problem::refusal(plan->problems, QStringLiteral("rehearse"));
    Rehearsal rehearsal(db, *set, m_where);
    rehearsal.setTimeouts(m_timeouts);
    auto report = rehearsal.runOnNewBackup(*plan, progress);
    if (!report)
        return report.error();
    m_report = *report;
    if (report->failure)
        return *report->failure;
    return {};
}

} // namespace strata
