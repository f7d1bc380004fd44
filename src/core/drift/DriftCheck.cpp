#include "drift/DriftCheck.h"

#include <algorithm>

#include "connection/InterruptOnCancel.h"
#include "drift/SchemaDiff.h"
#include "drift/SchemaReplay.h"
#include "drift/ScratchDatabase.h"
#include "migrations/HistoryStore.h"
#include "schema/SchemaReader.h"

namespace strata {

namespace {

Error cancelled()
{
    return Error::failed(
        QStringLiteral("The drift check was cancelled."),
        QStringLiteral("Nothing was changed: the live database was only read, and the scratch "
                       "database was removed."),
        QStringLiteral("Check for drift again when there is time."));
}

/// Progress of one phase, mapped into the whole check's range [from, to) out of `total`.
Progress phase(const Progress& outer, qint64 from, qint64 to, qint64 total)
{
    return Progress(
        [&outer, from, to, total](qint64 done, qint64 all, const QString& stage) {
            const qint64 within = all > 0 ? from + (to - from) * done / all : from;
            outer.report(within, total, stage);
        },
        outer.cancelFlag());
}

} // namespace

Result<DriftReport> DriftCheck::run(const Progress& progress)
{
    constexpr qint64 total = 100;
    DriftReport report;
    report.database = m_live.display();
    report.setName = m_set.name();

    progress.report(0, total, QStringLiteral("reading the history"));
    auto history = HistoryStore(m_live).read();
    if (!history)
        return history.error();
    auto plan = SchemaReplay::plan(m_set, m_live.dialect(), *history);
    if (!plan)
        return plan.error();
    report.replayedVersions = plan->versions;
    for (const MigrationStep& step : plan->steps)
        report.replayedSteps << step.slot();
    report.notes = plan->notes;

    progress.report(5, total, QStringLiteral("reading the database's catalog"));
    auto live = [&] {
        // A catalog read on a large database takes seconds: Cancel stops the statement, not only the next.
        InterruptOnCancel stop(m_live, progress.cancelFlag());
        return SchemaReader(m_live).read(phase(progress, 5, 35, total));
    }();
    if (progress.cancelled())
        return cancelled();
    if (!live)
        return live.error();

    progress.report(35, total, QStringLiteral("creating the scratch database"));
    auto scratch = ScratchDatabase::create(m_live);
    if (!scratch)
        return scratch.error();
    report.scratch = (*scratch)->description();
    {
        // A step that runs long in the scratch database (a data backfill) is stopped when the check is
        // cancelled; the scratch database is removed after, outside this scope, so its drop is not stopped.
        InterruptOnCancel stop((*scratch)->db(), progress.cancelFlag());
        auto replayed = SchemaReplay::run((*scratch)->db(), *plan, phase(progress, 40, 75, total));
        if (progress.cancelled() || stop.interrupted())
            return cancelled();
        if (!replayed)
            return replayed.error();
    }

    progress.report(75, total, QStringLiteral("reading the replayed catalog"));
    auto expected = SchemaReader((*scratch)->db()).read(phase(progress, 75, 95, total));
    if (!expected)
        return expected.error();
    progress.report(95, total, QStringLiteral("removing the scratch database"));
    if (auto dropped = (*scratch)->drop(); !dropped)
        report.notes << dropped.error().toText();
    if (progress.cancelled())
        return cancelled();

    // Another tool's history table (dbmate's schema_migrations, ...) is history, like Strata's own: no
    // migration creates it, and after an adoption Strata writes it on every step.
    QStringList otherHistory;
    for (const auto& other : history->otherTools)
        otherHistory << other.table.section(QLatin1Char('.'), -1);
    live->tables.removeIf([&](const TableInfo& t) { return otherHistory.contains(t.name); });
    // Their triggers, and the sequence of a serial column (PostgreSQL names it <table>_<column>_seq).
    live->objects.removeIf([&](const SchemaObject& o) {
        if (otherHistory.contains(o.table))
            return true;
        return o.kind == SchemaObject::Kind::Sequence &&
               std::any_of(otherHistory.cbegin(), otherHistory.cend(), [&](const QString& table) {
                   return o.name.startsWith(table + QLatin1Char('_')) &&
                          o.name.endsWith(QLatin1String("_seq"));
               });
    });
    report.items = SchemaDiff::compare(*expected, *live);
    progress.report(total, total, report.summary());
    return report;
}

} // namespace strata
