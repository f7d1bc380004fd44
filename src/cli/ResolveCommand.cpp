#include "ResolveCommand.h"

#include "migrations/MigrationRunner.h"
#include "migrations/StepHeader.h"

namespace strata::cli {

int ResolveCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("resolve");
    const CliOptions& o = context.options();
    const int actions = int(o.acceptChecksum) + int(o.markApplied) + int(o.markRolledBack);
    const auto ref = o.arguments.size() == 1 ? StepRef::parse(o.arguments.first()) : std::nullopt;
    if (!ref || ref->step == 0 || actions != 1)
        return context.out().fail(
            Error::badInput(
                QStringLiteral("resolve takes one step (VERSION.STEP) and one of --accept-checksum, "
                               "--mark-applied, --mark-rolled-back."),
                QStringLiteral("e.g. strata-cli resolve 2.1 --accept-checksum")),
            command);
    auto session = context.openLockedSession();
    if (!session)
        return context.out().fail(session.error(), command);
    const StepRecord* record = session->history.step(ref->version, ref->step);
    if (!record)
        return context.out().fail(
            Error::badInput(
                QStringLiteral("Step %1 has no history in %2.").arg(ref->text(), session->db->display()),
                QStringLiteral("Run `strata-cli history` to see the recorded steps.")),
            command);
    HistoryStore store(*session->db);
    QString done;
    if (o.acceptChecksum) {
        const MigrationStep* file = nullptr;
        for (const auto& s : session->set.steps)
            if (s.version == ref->version && s.step == ref->step && s.appliesTo(session->db->dialect()))
                file = &s;
        if (!file)
            return context.out().fail(Error::badInput(QStringLiteral("Step %1 has no file in %2 to accept.")
                                                          .arg(ref->text(), session->set.root),
                                                      QStringLiteral("Restore the file first.")),
                                      command);
        if (auto r = store.acceptChecksum(ref->version, ref->step, file->checksum); !r)
            return context.out().fail(r.error(), command);
        done = QStringLiteral("Accepted the current %1 (sha256 %2) for step %3.")
                   .arg(file->forwardPath, file->checksum.left(12), ref->text());
    } else {
        if (!record->isDirty())
            return context.out().fail(
                Error::refused(QStringLiteral("Step %1 is %2, not dirty: there is nothing to settle.")
                                   .arg(ref->text(), record->status),
                               QStringLiteral("Use --mark-applied / --mark-rolled-back only for a step that "
                                              "started outside a transaction and never finished.")),
                command);
        const QString status = o.markApplied ? QStringLiteral("applied") : QStringLiteral("rolled_back");
        if (auto r = store.settleStep(ref->version, ref->step, status); !r)
            return context.out().fail(r.error(), command);
        done = QStringLiteral("Step %1 is now recorded as %2.").arg(ref->text(), status);
        if (o.markApplied) {
            // If that was the last step its version lacked, the version is complete now.
            if (auto refreshed = session->refresh(); !refreshed)
                return context.out().fail(refreshed.error(), command);
            bool complete = true;
            for (const auto& s : session->set.stepsFor(session->db->dialect())) {
                const StepRecord* r = session->history.step(s.version, s.step);
                if (s.version == ref->version && !s.isOptional() && !(r && r->isIn()))
                    complete = false;
            }
            if (complete) {
                VersionRecord v;
                v.version = ref->version;
                v.description = session->set.versionDescription(ref->version, session->db->dialect());
                v.migrationScript = record->script;
                if (auto r = store.recordVersionComplete(v); !r)
                    return context.out().fail(r.error(), command);
            }
        }
    }
    context.out().report(done);
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("slot"), ref->text()},
                            {QStringLiteral("message"), done}});
    return 0;
}

} // namespace strata::cli
