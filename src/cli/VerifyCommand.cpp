#include "VerifyCommand.h"

#include <QFileInfo>

#include "backup/DatabaseBackup.h"
#include "verify/DatabaseVerifier.h"

namespace strata::cli {

namespace {

int report(const CliContext& context, const QString& subject, const QList<CheckResult>& checks, bool passed)
{
    QString text = QStringLiteral("%1: %2\n")
                       .arg(subject, passed ? QStringLiteral("verified") : QStringLiteral("FAILED"));
    QJsonArray array;
    for (const auto& c : checks) {
        text += QStringLiteral("  %1 %2: %3\n").arg(c.stateName(), c.name, c.detail);
        array.append(c.toJson());
    }
    context.out().report(text);
    context.out().document({{QStringLiteral("command"), QStringLiteral("verify")},
                            {QStringLiteral("ok"), passed},
                            {QStringLiteral("subject"), subject},
                            {QStringLiteral("checks"), array}});
    return passed ? 0 : static_cast<int>(ExitCode::VerificationFailed);
}

} // namespace

int VerifyCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("verify");
    const IntegrityMode mode = context.options().quick ? IntegrityMode::Quick : IntegrityMode::Full;
    auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
    if (!db)
        return context.out().fail(db.error(), command);
    if (!context.options().arguments.isEmpty()) {
        auto record =
            DatabaseBackup::locate(**db, context.backupFolder(**db), context.options().arguments.first());
        if (!record)
            return context.out().fail(record.error(), command);
        // A file no catalog lists is checked against the manifest beside it (DatabaseBackup::describeFile).
        const bool listed = BackupCatalog(QFileInfo(record->path).absolutePath()).find(record->path).ok();
        const auto checks = DatabaseBackup::verify(
            **db, *record, mode, context.options().testRestore, context.out().progress(command),
            listed ? QStringLiteral("the catalog") : QStringLiteral("its manifest"));
        return report(context, QStringLiteral("backup %1").arg(record->path), checks,
                      DatabaseBackup::usable(checks));
    }
    std::optional<MigrationSet> set;
    if (!context.options().migrations.isEmpty() ||
        (context.config() && !context.config()->migrations.isEmpty())) {
        auto loaded = context.loadSet();
        if (!loaded)
            return context.out().fail(loaded.error(), command);
        set = *loaded;
    }
    const QStringList options = set ? context.enabledOptions(*set) : QStringList();
    const auto checks =
        DatabaseVerifier::verify(**db, set ? &*set : nullptr, mode, options, context.out().progress(command));
    return report(context, (*db)->display(), checks, CheckResult::allPassed(checks));
}

} // namespace strata::cli
