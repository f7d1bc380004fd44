#include "ResolveCommand.h"

#include "migrations/RunIdentity.h"
#include "migrations/RunJournal.h"
#include "migrations/StepResolution.h"

namespace strata::cli {

int ResolveCommand::acknowledgeRun(const CliContext& context)
{
    const QString command = QStringLiteral("resolve");
    const CliOptions& o = context.options();
    if (!o.arguments.isEmpty() || o.acceptChecksum || o.markApplied || o.markRolledBack)
        return context.out().failUsage(
            Error::badInput(
                QStringLiteral("--acknowledge-run takes a run id and nothing else."),
                QStringLiteral("e.g. strata-cli resolve --acknowledge-run 20261206-153000-a1b2c3")),
            command);
    // Under the run lock: no run can start or end meanwhile.
    auto session = context.openLockedSession();
    if (!session)
        return context.out().fail(session.error(), command);
    auto done = RunJournal(*session->db).acknowledge(o.acknowledgeRun, RunIdentity::current());
    if (!done)
        return context.out().fail(done.error(), command);
    context.out().report(*done);
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("run_id"), o.acknowledgeRun},
                            {QStringLiteral("message"), *done}});
    return 0;
}

int ResolveCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("resolve");
    const CliOptions& o = context.options();
    if (!o.acknowledgeRun.isEmpty())
        return acknowledgeRun(context);
    const int actions = int(o.acceptChecksum) + int(o.markApplied) + int(o.markRolledBack);
    const auto ref = o.arguments.size() == 1 ? StepRef::parse(o.arguments.first()) : std::nullopt;
    if (!ref || ref->step == 0 || actions != 1)
        return context.out().failUsage(
            Error::badInput(
                QStringLiteral("resolve takes one step (VERSION.STEP) and one of --accept-checksum, "
                               "--mark-applied, --mark-rolled-back."),
                QStringLiteral("e.g. strata-cli resolve 2.1 --accept-checksum")),
            command);
    auto session = context.openLockedSession();
    if (!session)
        return context.out().fail(session.error(), command);
    const auto action = o.acceptChecksum ? StepResolution::Action::AcceptChecksum
                        : o.markApplied  ? StepResolution::Action::MarkApplied
                                         : StepResolution::Action::MarkRolledBack;
    auto done = StepResolution(*session->db, session->set).apply(*ref, action);
    if (!done)
        return context.out().fail(done.error(), command);
    context.out().report(*done);
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("slot"), ref->text()},
                            {QStringLiteral("message"), *done}});
    return 0;
}

} // namespace strata::cli
