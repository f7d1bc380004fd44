#include "migrations/StepResolution.h"

#include "migrations/HistoryStore.h"
#include "migrations/SetLocation.h"

namespace strata {

namespace {

/// Runs `work` inside one write transaction; rolls back if it or the commit fails.
template <typename Work> Status inTransaction(Database& db, Work&& work)
{
    if (auto begun = db.begin(); !begun)
        return begun;
    if (auto done = work(); !done) {
        (void)db.rollback();
        return done;
    }
    if (auto committed = db.commit(); !committed) {
        (void)db.rollback();
        return committed;
    }
    return {};
}

} // namespace

QString StepResolution::flag(Action action)
{
    switch (action) {
    case Action::AcceptChecksum:
        return QStringLiteral("--accept-checksum");
    case Action::MarkApplied:
        return QStringLiteral("--mark-applied");
    case Action::MarkRolledBack:
        return QStringLiteral("--mark-rolled-back");
    }
    return {};
}

QString StepResolution::whatIsRecorded(const QString& slot, Action action, const QString& file,
                                       const QString& checksum)
{
    switch (action) {
    case Action::AcceptChecksum:
        return QStringLiteral("Strata records the current %1 (SHA-256 %2...) as the file of step %3: the "
                              "step's checksum in schema_version_steps becomes the file's, and the file's "
                              "text is kept in schema_version_scripts.")
            .arg(file, checksum.left(12), slot);
    case Action::MarkApplied:
        return QStringLiteral("Strata records step %1 as applied in schema_version_steps (and its version as "
                              "complete in schema_version when no other step of it is missing).")
            .arg(slot);
    case Action::MarkRolledBack:
        return QStringLiteral("Strata records step %1 as rolled back in schema_version_steps; the next "
                              "migrate runs it again.")
            .arg(slot);
    }
    return {};
}

const MigrationStep* StepResolution::fileOf(const StepRef& step) const
{
    const MigrationStep* file = nullptr;
    for (const auto& s : m_set.steps)
        if (s.version == step.version && s.step == step.step && s.appliesTo(m_db.dialect()))
            file = &s;
    return file;
}

Result<QString> StepResolution::apply(const StepRef& step, Action action)
{
    HistoryStore store(m_db);
    auto history = store.read();
    if (!history)
        return history.error();
    const StepRecord* record = history->step(step.version, step.step);
    if (!record)
        return Error::badInput(
            QStringLiteral("Step %1 has no history in %2.").arg(step.text(), m_db.display()),
            QStringLiteral("Run `strata-cli history` to see the recorded steps."));
    const MigrationStep* file = fileOf(step);
    if (action == Action::AcceptChecksum && !file)
        return Error::badInput(
            QStringLiteral("Step %1 has no file in %2 to accept.").arg(step.text(), setLocation(m_set.root)),
            QStringLiteral("Restore the file first."));
    if (action != Action::AcceptChecksum && !record->isDirty())
        return Error::refused(QStringLiteral("Step %1 is %2, not dirty: there is nothing to settle.")
                                  .arg(step.text(), record->status),
                              QStringLiteral("Use --mark-applied / --mark-rolled-back only for a step that "
                                             "started outside a transaction and never finished."));
    // A history that predates schema_version_scripts gains it here, so that the accepted text is kept.
    if (auto tables = store.ensureTables(); !tables)
        return tables.error();

    if (action == Action::AcceptChecksum) {
        auto accepted = inTransaction(m_db, [&]() -> Status {
            if (auto r = store.acceptChecksum(step.version, step.step, file->checksum); !r)
                return r;
            return store.keepScript(file->checksum, file->forwardSql);
        });
        if (!accepted)
            return accepted.error();
        return QStringLiteral("Accepted the current %1 (sha256 %2) for step %3.")
            .arg(file->forwardPath, file->checksum.left(12), step.text());
    }

    const bool applied = action == Action::MarkApplied;
    const QString status = applied ? QStringLiteral("applied") : QStringLiteral("rolled_back");
    // If that was the last step its version lacked, the version is complete now.
    bool complete = applied;
    for (const auto& s : m_set.stepsFor(m_db.dialect())) {
        const StepRecord* r = history->step(s.version, s.step);
        if (s.version == step.version && s.step != step.step && !s.isOptional() && !(r && r->isIn()))
            complete = false;
    }
    VersionRecord version;
    version.version = step.version;
    version.description = m_set.versionDescription(step.version, m_db.dialect());
    version.migrationScript = record->script;
    const QString checksum = record->checksum;
    auto settled = inTransaction(m_db, [&]() -> Status {
        if (auto r = store.settleStep(step.version, step.step, status); !r)
            return r;
        if (applied && file && file->checksum == checksum)
            if (auto r = store.keepScript(checksum, file->forwardSql); !r)
                return r;
        return complete ? store.recordVersionComplete(version) : Status{};
    });
    if (!settled)
        return settled.error();
    return QStringLiteral("Step %1 is now recorded as %2.").arg(step.text(), status);
}

} // namespace strata
