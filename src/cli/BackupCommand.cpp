#include "BackupCommand.h"

#include <QFileInfo>

#include "JsonReport.h"
#include "backup/DatabaseBackup.h"
#include "backup/LeftoverSweep.h"
#include "migrations/HistoryStore.h"

namespace strata::cli {

int BackupCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("backup");
    auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
    if (!db)
        return context.out().fail(db.error(), command);
    auto history = HistoryStore(**db).read();
    if (!history)
        return context.out().fail(history.error(), command);
    DatabaseBackup::Request request;
    request.folder = context.backupFolder(**db);
    request.outPath = context.options().out;
    request.integrity = context.options().quick ? IntegrityMode::Quick : IntegrityMode::Full;
    request.schemaVersion = history->currentVersion();
    request.retention = context.retention();
    const QString setFolder = !context.options().migrations.isEmpty() ? context.options().migrations
                              : context.config()                      ? context.config()->migrations
                                                                      : QString();
    if (!setFolder.isEmpty()) {
        auto set = context.loadSet();
        if (!set)
            return context.out().fail(set.error(), command);
        request.setName = set->name();
        request.setFolder = set->root;
    }
    // What killed runs left in the backup folder (and on the server) is removed or listed first.
    const auto leftovers = LeftoverSweep::sweep(
        **db, request.outPath.isEmpty() ? request.folder : QFileInfo(request.outPath).absolutePath(),
        LeftoverSweep::Mode::Clean);
    QJsonArray leftoverJson;
    for (const auto& item : leftovers) {
        context.out().notice(item.text);
        leftoverJson.append(item.toJson());
    }
    auto record = DatabaseBackup::take(**db, request, context.out().progress(command));
    if (!record)
        return context.out().fail(record.error(), command);
    QString text = QStringLiteral("Backup %1\n  file:   %2\n  size:   %3 bytes\n  sha256: %4\n  checks:\n")
                       .arg(record->id, record->path)
                       .arg(record->size)
                       .arg(record->sha256);
    for (const auto& c : record->checks)
        text += QStringLiteral("    %1 %2: %3\n").arg(c.stateName(), c.name, c.detail);
    context.out().report(text);
    QJsonObject doc = record->toJson();
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("leftovers"), leftoverJson);
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
