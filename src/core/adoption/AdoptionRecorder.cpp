#include "adoption/AdoptionRecorder.h"

#include <algorithm>

#include "adoption/AdoptedTools.h"
#include "migrations/HistoryStore.h"
#include "migrations/RepeatableHistory.h"

namespace strata {

namespace {

/// The version's row as a run that applied it writes it: its steps' files, no time spent.
VersionRecord versionRecord(const MigrationSet& set, Dialect dialect, qint64 version)
{
    VersionRecord record;
    record.version = version;
    record.description = set.versionDescription(version, dialect);
    QStringList forward;
    QStringList backward;
    for (const auto& s : set.steps) {
        if (s.version != version || !s.appliesTo(dialect))
            continue;
        forward << s.forwardPath;
        if (s.hasRollback())
            backward << s.rollbackPath;
    }
    record.migrationScript = forward.join(QStringLiteral(", "));
    record.rollbackScript = backward.join(QStringLiteral(", "));
    return record;
}

} // namespace

Status AdoptionRecorder::record(Database& db, const MigrationSet& set, const AdoptionPlan& plan,
                                const RunIdentity& who)
{
    HistoryStore history(db);
    RepeatableHistory repeatables(db);
    const bool anyRepeatable = std::any_of(plan.steps.cbegin(), plan.steps.cend(),
                                           [](const AdoptedStep& s) { return s.step.repeatable; });
    // Strata's tables are created inside the adoption's one transaction (DDL is transactional on both
    // engines): an adoption that fails leaves no empty history behind that would make the database look
    // tracked by Strata.
    if (auto begun = db.begin(); !begun)
        return begun;
    auto work = [&]() -> Status {
        if (auto tables = history.ensureTables(); !tables)
            return tables.error().prefixed(QStringLiteral("Cannot create Strata's history tables"));
        if (auto tables = AdoptedTools::ensureTables(db); !tables)
            return tables;
        if (anyRepeatable)
            if (auto table = repeatables.ensureTable(); !table)
                return table;
        QList<qint64> versions;
        for (const auto& adopted : plan.steps) {
            if (adopted.step.repeatable) {
                // Flyway runs a repeatable script again when its checksum changed: one that disagrees stays
                // pending for Strata too; one that agrees is recorded as run, with the file's text.
                if (adopted.checksumDisagrees())
                    continue;
                if (auto recorded = repeatables.recordApplied(adopted.step, 0, who); !recorded)
                    return recorded;
                continue;
            }
            // schema_version_steps' status is the contract's (DB-SCHEMA-001): a step recorded without
            // running is a baseline; schema_version_adopted says which tool applied it and with which row.
            if (auto recorded = history.recordBaseline(adopted.step, who); !recorded)
                return recorded;
            if (!versions.contains(adopted.step.version))
                versions << adopted.step.version;
        }
        for (qint64 version : versions)
            if (auto recorded = history.recordVersionComplete(versionRecord(set, db.dialect(), version));
                !recorded)
                return recorded;
        return AdoptedTools::recordAdoption(db, plan, who);
    };
    if (auto done = work(); !done) {
        (void)db.rollback();
        return done.error().withUnchanged(
            QStringLiteral("The adoption was rolled back: Strata's history records nothing of it, and %1's "
                           "table is as it was.")
                .arg(plan.toolName()));
    }
    if (auto committed = db.commit(); !committed) {
        (void)db.rollback();
        return committed;
    }
    return {};
}

} // namespace strata
