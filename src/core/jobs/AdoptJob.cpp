#include "jobs/AdoptJob.h"

#include "adoption/AdoptionPlanner.h"
#include "adoption/AdoptionRecorder.h"
#include "common/Counted.h"
#include "migrations/MigrationSetLoader.h"

namespace strata {

Status AdoptJob::run(Database& db, const Progress& progress)
{
    progress.report(0, 1, QStringLiteral("adopting %1's history").arg(m_tool));
    auto set = MigrationSetLoader::load(m_setFolder);
    if (!set)
        return set.error();
    auto lock = db.acquireRunLock(std::chrono::seconds(10), {});
    if (!lock)
        return lock.error();
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    auto adopted = AdoptedTools::read(db);
    if (!adopted)
        return adopted.error();
    auto plan = AdoptionPlanner::plan(*set, db.dialect(), *history, *adopted, m_tool);
    if (!plan)
        return plan.error();
    if (!plan->alreadyAdopted.isEmpty()) {
        m_outcome = plan->alreadyAdopted;
        progress.report(1, 1, QStringLiteral("done"));
        return {};
    }
    if (plan->steps.size() != m_steps)
        return Error::refused(
                   QStringLiteral("%1's history changed since you confirmed: it now holds %2, not %3.")
                       .arg(m_tool,
                            counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")))
                       .arg(m_steps),
                   QStringLiteral("Refresh and adopt again."))
            .withUnchanged(QStringLiteral("Nothing was recorded: the database is as it was."));
    if (auto done = AdoptionRecorder::record(db, *set, *plan, RunIdentity::current()); !done)
        return done;
    m_outcome = QStringLiteral("Adopted %1's history: %2 recorded%3; %4 keeps being written on every step.")
                    .arg(plan->toolName(),
                         counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")),
                         plan->disagreements() > 0
                             ? QStringLiteral(" (%1 with a checksum that disagrees with the file, marked)")
                                   .arg(plan->disagreements())
                             : QString(),
                         plan->table);
    progress.report(1, 1, QStringLiteral("done"));
    return {};
}

} // namespace strata
