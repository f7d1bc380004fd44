#include "RestoreCommand.h"

#include "backup/DatabaseBackup.h"
#include "backup/DatabaseRestore.h"

namespace strata::cli {

int RestoreCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("restore");
    if (context.options().arguments.size() != 1)
        return context.out().fail(Error::badInput(QStringLiteral("restore takes one backup id or path."),
                                                  QStringLiteral("Run `strata-cli backups` for the ids.")),
                                  command);
    auto db = context.openDatabase(DatabaseOpener::Mode::ReadWrite);
    if (!db)
        return context.out().fail(db.error(), command);
    auto lock = context.lock(**db);
    if (!lock)
        return context.out().fail(lock.error(), command);
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
    auto outcome = DatabaseRestore::restore(**db, *record, context.out().progress(command));
    if (!outcome)
        return context.out().fail(outcome.error(), command);
    const bool afterOk = CheckResult::allPassed(outcome->afterChecks);
    QString text =
        QStringLiteral(
            "Restored %1 from %2.\n  The database it replaced is kept as %3.\n  Now at version %4.\n")
            .arg((*db)->display(), record->path, outcome->keptAside)
            .arg(outcome->schemaVersion);
    QJsonArray after;
    for (const auto& c : outcome->afterChecks) {
        text += QStringLiteral("  %1 %2: %3\n").arg(c.stateName(), c.name, c.detail);
        after.append(c.toJson());
    }
    context.out().report(text);
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), afterOk},
                            {QStringLiteral("backup"), record->toJson()},
                            {QStringLiteral("kept_aside"), outcome->keptAside},
                            {QStringLiteral("schema_version"), outcome->schemaVersion},
                            {QStringLiteral("checks_after"), after}});
    return afterOk ? 0 : static_cast<int>(ExitCode::VerificationFailed);
}

} // namespace strata::cli
