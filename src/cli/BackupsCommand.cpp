#include "BackupsCommand.h"

#include "backup/BackupCatalog.h"
#include "backup/BackupEngine.h"

namespace strata::cli {

int BackupsCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("backups");
    auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
    if (!db)
        return context.out().fail(db.error(), command);
    const QString identity = BackupEngine::forDatabase(**db)->databaseIdentity();
    BackupCatalog catalog(context.backupFolder(**db));
    auto records = catalog.list(identity);
    if (!records)
        return context.out().fail(records.error(), command);
    QString text = QStringLiteral("Backups of %1 in %2, newest first:\n").arg(identity, catalog.folder());
    if (records->isEmpty())
        text += QStringLiteral("  none\n");
    QJsonArray array;
    for (const auto& r : *records) {
        text += QStringLiteral("  %1  %2  v%3  %4 bytes  %5  %6\n")
                    .arg(r.id, r.createdAt)
                    .arg(r.schemaVersion)
                    .arg(r.size)
                    .arg(r.verified ? QStringLiteral("verified") : QStringLiteral("NOT verified"), r.file);
        array.append(r.toJson());
    }
    context.out().report(text);
    context.out().document(array);
    return 0;
}

} // namespace strata::cli
