#include "MigrateCommand.h"

#include "CliRunPrinter.h"
#include "JsonReport.h"
#include "RehearseCommand.h"
#include "common/Counted.h"
#include "run/PhasedRun.h"

namespace strata::cli {

namespace {

PhasedRun::Settings settingsFor(const CliContext& context, Database& db, const MigrationSet& set)
{
    const CliOptions& o = context.options();
    const auto& config = context.config();
    PhasedRun::Settings settings;
    settings.target = o.to;
    settings.enable = context.enabledOptions(set);
    settings.createBackup = !o.noBackup && (!config || config->createBackup);
    settings.verifyAfter = !config || config->verifyAfter;
    settings.restoreOnFailure = o.restoreOnFailure;
    settings.backupFolder = context.backupFolder(db);
    settings.retention = context.retention();
    settings.integrity = o.quick ? IntegrityMode::Quick : IntegrityMode::Full;
    settings.preHook = config && config->preHook.isSet() ? config->preHook : set.manifest.preHook;
    settings.postHook = config && config->postHook.isSet() ? config->postHook : set.manifest.postHook;
    settings.lockTimeout = context.lockTimeout();
    if (config)
        settings.stepTimeouts = config->timeouts;
    settings.commandPrefix = QStringLiteral("strata-cli --db '%1'").arg(db.display());
    return settings;
}

} // namespace

int MigrateCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("migrate");
    auto rehearseOn = RehearseCommand::target(context);
    if (!rehearseOn)
        return context.out().fail(rehearseOn.error(), command);
    if (rehearseOn->has_value() && !context.options().rehearse)
        return context.out().fail(
            Error::badInput(QStringLiteral("--rehearse-on names where a rehearsal runs, and this migrate "
                                           "rehearses nothing."),
                            QStringLiteral("Add --rehearse, or leave --rehearse-on out."),
                            QStringLiteral("Nothing was changed.")),
            command);
    auto session = context.openSession(DatabaseOpener::Mode::ReadWrite, false);
    if (!session)
        return context.out().fail(session.error(), command);
    CliRunPrinter printer(context.out());
    PhasedRun::Settings settings = settingsFor(context, *session->db, session->set);
    settings.rehearse = context.options().rehearse;
    settings.rehearseOn = *rehearseOn;
    PhasedRun run(*session->db, session->set, settings, &printer);
    // Plan only under the lock: another run may have applied steps while this one waited.
    auto plan = run.prepare([&](const QString& holder) {
        context.out().notice(QStringLiteral("Waiting up to %1 s for the migration lock, held by %2.")
                                 .arg(context.options().lockTimeoutSeconds)
                                 .arg(holder));
    });
    if (!plan)
        return context.out().fail(plan.error(), command);
    if (!plan->interruptedRuns.isEmpty())
        context.out().notice(
            QStringLiteral("strata-cli: an earlier run of this database did not finish:\n") +
            JsonReport::interruptedRunsText(plan->interruptedRuns, QStringLiteral("  ")).trimmed());
    if (plan->blocked())
        return context.out().fail(Problem::refusal(plan->problems, command), command);

    QJsonObject doc = JsonReport::plan(*plan);
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("database"), session->db->display());
    if (plan->isEmpty()) {
        context.out().report(
            QStringLiteral("Nothing to do: %1 is at %2%3.")
                .arg(session->db->display(), plan->versionLabel())
                .arg(plan->optionalOff.isEmpty()
                         ? QString()
                         : QStringLiteral(" (%1 off)")
                               .arg(counted(plan->optionalOff.size(), QStringLiteral("optional step"),
                                            QStringLiteral("optional steps")))));
        doc.insert(QStringLiteral("ok"), true);
        doc.insert(QStringLiteral("applied"), QJsonArray());
        context.out().document(doc);
        return 0;
    }
    const bool ask = !context.config() || context.config()->requireConfirmation;
    if (ask) {
        if (auto confirmed = context.confirm(
                QStringLiteral("Apply %1 in %2 to %3 (%4 -> v%5)?")
                    .arg(counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")) +
                             (plan->repeatablesToRun().isEmpty()
                                  ? QString()
                                  : QStringLiteral(" and %1").arg(counted(
                                        plan->repeatablesToRun().size(), QStringLiteral("repeatable script"),
                                        QStringLiteral("repeatable scripts")))),
                         counted(plan->phases().size(), QStringLiteral("phase"), QStringLiteral("phases")),
                         session->db->display(), plan->versionLabel())
                    .arg(plan->targetVersion));
            !confirmed)
            return context.out().fail(confirmed.error(), command);
    }

    const Status done = run.execute();
    const RunReport& report = run.report();
    const QJsonObject reportJson = report.toJson();
    for (auto it = reportJson.begin(); it != reportJson.end(); ++it)
        doc.insert(it.key(), it.value());
    doc.insert(QStringLiteral("applied"), QJsonArray::fromStringList(report.appliedSteps));
    doc.insert(QStringLiteral("run_log"), run.logPath());
    if (!done) {
        context.out().notice(QStringLiteral("strata-cli: ") + done.error().toText());
        doc.insert(QStringLiteral("ok"), false);
        doc.insert(QStringLiteral("error"), JsonReport::error(done.error()));
        context.out().document(doc);
        return static_cast<int>(done.error().code);
    }
    QString text =
        QStringLiteral("Migrated %1 from %2 to v%3: %4.")
            .arg(session->db->display(), plan->versionLabel())
            .arg(plan->targetVersion)
            .arg(counted(report.appliedSteps.size(), QStringLiteral("step"), QStringLiteral("steps")));
    if (!plan->optionalOff.isEmpty())
        text += QStringLiteral(" Skipped %1 whose option is off.")
                    .arg(counted(plan->optionalOff.size(), QStringLiteral("optional step"),
                                 QStringLiteral("optional steps")));
    if (report.backup)
        text += QStringLiteral("\n  Backup taken before the run: %1 (%2)\n  To go back: %3")
                    .arg(report.backup->id, report.backup->path, report.restoreCommand);
    text += QStringLiteral("\n  Run log: %1").arg(run.logPath());
    context.out().report(text);
    doc.insert(QStringLiteral("ok"), true);
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
