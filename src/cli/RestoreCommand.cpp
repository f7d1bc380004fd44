#include "RestoreCommand.h"

#include "backup/DatabaseBackup.h"
#include "run/RestoreRun.h"

namespace strata::cli {

namespace {

RestoreRun::Settings settingsFor(const CliContext& context, Database& db)
{
    const CliOptions& o = context.options();
    const auto& config = context.config();
    RestoreRun::Settings settings;
    settings.restore.allowUnverified = o.unverified;
    settings.restore.allowDifferentDatabase = o.differentDatabase;
    settings.setFolder = !o.migrations.isEmpty() ? o.migrations : config ? config->migrations : QString();
    settings.backupFolder = context.backupFolder(db);
    if (config) {
        settings.preHook = config->preHook;
        settings.postHook = config->postHook;
    }
    settings.lockTimeout = context.lockTimeout();
    return settings;
}

} // namespace

int RestoreCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("restore");
    if (context.options().arguments.size() != 1)
        return context.out().failUsage(
            Error::badInput(QStringLiteral("restore takes one backup id or path."),
                            QStringLiteral("Run `strata-cli backups` for the ids.")),
            command);
    auto db = context.openDatabase(DatabaseOpener::Mode::ReadWrite);
    if (!db)
        return context.out().fail(db.error(), command);
    RestoreRun run(**db, settingsFor(context, **db));
    if (auto ready = run.prepare([&](const QString& holder) {
            context.out().notice(QStringLiteral("Waiting up to %1 s for the migration lock, held by %2.")
                                     .arg(context.options().lockTimeoutSeconds)
                                     .arg(holder));
        });
        !ready)
        return context.out().fail(ready.error(), command);
    const QString target = context.options().arguments.first();
    auto record = DatabaseBackup::locate(**db, context.backupFolder(**db), target);
    if (!record)
        return context.out().fail(record.error(), command);
    if (auto confirmed = context.confirm(
            QStringLiteral("Restore %1 from %2 (taken %3)? The current database is kept aside, "
                           "not deleted.")
                .arg((*db)->display(), record->path, record->createdAt));
        !confirmed)
        return context.out().fail(confirmed.error(), command);
    auto outcome = run.execute(*record, context.out().progress(command));
    for (const auto& phase : run.report().phases)
        for (const auto& c : phase.checks)
            if (c.name == QLatin1String("leftover"))
                context.out().notice(c.detail);
    if (!outcome)
        return context.out().fail(outcome.error(), command);
    const bool afterOk = CheckResult::allPassed(outcome->afterChecks);
    QString text =
        QStringLiteral(
            "Restored %1 from %2.\n  The database it replaced is kept as %3.\n  Now at version %4.\n")
            .arg((*db)->display(), record->path, outcome->keptAside)
            .arg(outcome->schemaVersion);
    for (const QString& warning : outcome->warnings)
        text += QStringLiteral("  WARNING: %1\n").arg(warning);
    QJsonArray before;
    for (const auto& c : outcome->backupChecks) {
        text += QStringLiteral("  backup %1 %2: %3\n").arg(c.stateName(), c.name, c.detail);
        before.append(c.toJson());
    }
    QJsonArray after;
    for (const auto& c : outcome->afterChecks) {
        text += QStringLiteral("  %1 %2: %3\n").arg(c.stateName(), c.name, c.detail);
        after.append(c.toJson());
    }
    text += QStringLiteral("  Restore log: %1\n").arg(run.logPath());
    context.out().report(text);
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), afterOk},
                            {QStringLiteral("backup"), record->toJson()},
                            {QStringLiteral("verified"), !outcome->unverified},
                            {QStringLiteral("warnings"), QJsonArray::fromStringList(outcome->warnings)},
                            {QStringLiteral("checks_before"), before},
                            {QStringLiteral("kept_aside"), outcome->keptAside},
                            {QStringLiteral("schema_version"), outcome->schemaVersion},
                            {QStringLiteral("checks_after"), after},
                            {QStringLiteral("restore_log"), run.logPath()}});
    return afterOk ? 0 : static_cast<int>(ExitCode::VerificationFailed);
}

} // namespace strata::cli
