#include "RehearseCommand.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>

#include "JsonReport.h"
#include "common/Counted.h"
#include "common/DiskFile.h"
#include "rehearsal/Rehearsal.h"

namespace strata::cli {

Result<std::optional<ConnectionUrl>> RehearseCommand::target(const CliContext& context)
{
    const QString text = context.options().rehearseOn;
    if (text.isEmpty())
        return std::optional<ConnectionUrl>();
    auto url = ConnectionUrl::parse(text);
    if (!url)
        return Error::badInput(
            QStringLiteral("--rehearse-on \"%1\" is not a database URL: %2").arg(text, url.error().what),
            QStringLiteral("Name where the copy goes: --rehearse-on postgresql://user@host:port/postgres (a "
                           "server where you may create databases) or --rehearse-on sqlite:/path/copy.db."),
            QStringLiteral("Nothing was changed."));
    return std::optional<ConnectionUrl>(*url);
}

int RehearseCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("rehearse");
    auto where = target(context);
    if (!where)
        return context.out().fail(where.error(), command);
    // Under the run lock, as migrate plans: no run changes the database between the plan and its backup.
    auto session = context.openLockedSession();
    if (!session)
        return context.out().fail(session.error(), command);
    auto plan = session->planner().planUp({context.options().to, context.enabledOptions(session->set)});
    if (!plan)
        return context.out().fail(plan.error(), command);
    if (plan->blocked())
        return context.out().fail(Problem::refusal(plan->problems, command), command);
    QJsonObject doc{{QStringLiteral("command"), command},
                    {QStringLiteral("database"), session->db->display()}};
    if (plan->steps.isEmpty()) {
        context.out().report(QStringLiteral("Nothing to rehearse: %1 is at %2, no step is pending.")
                                 .arg(session->db->display(), plan->versionLabel()));
        doc.insert(QStringLiteral("ok"), true);
        doc.insert(QStringLiteral("rehearsal"), QJsonValue());
        context.out().document(doc);
        return 0;
    }
    const QString folder = context.backupFolder(*session->db);
    Rehearsal rehearsal(*session->db, session->set, RehearsalCopy::Where{folder, *where});
    if (context.config())
        rehearsal.setTimeouts(context.config()->timeouts);
    auto report = rehearsal.runOnNewBackup(*plan, context.out().progress(QStringLiteral("Rehearsing")));
    if (!report)
        return context.out().fail(report.error(), command);
    // The rehearsal's log, beside the backups as a run's is.
    const QString log = QDir(folder).filePath(
        QStringLiteral("strata-rehearsal-%1.json")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    QJsonObject logged = report->toJson();
    logged.insert(QStringLiteral("database"), session->db->display());
    logged.insert(QStringLiteral("set"), session->set.name());
    logged.insert(QStringLiteral("from"), plan->versionLabel());
    logged.insert(QStringLiteral("to_version"), plan->targetVersion);
    logged.insert(QStringLiteral("options"), QJsonArray::fromStringList(plan->enabledOptions));
    const bool written = DiskFile::writeWhole(log, QJsonDocument(logged).toJson()).isEmpty();
    doc.insert(QStringLiteral("ok"), report->succeeded);
    doc.insert(QStringLiteral("from"), plan->versionLabel());
    doc.insert(QStringLiteral("to_version"), plan->targetVersion);
    doc.insert(QStringLiteral("rehearsal"), report->toJson());
    doc.insert(QStringLiteral("log"), written ? log : QString());
    QString text = report->lines().join(QLatin1Char('\n'));
    text += QStringLiteral("\n  %1 was only read; the copy %2.")
                .arg(session->db->display(), report->copyDropped ? QStringLiteral("was removed")
                                                                 : QStringLiteral("could not be removed"));
    if (written)
        text += QStringLiteral("\n  Log: %1").arg(log);
    if (report->failure) {
        context.out().notice(text);
        context.out().notice(QStringLiteral("strata-cli: ") + report->failure->toText());
        doc.insert(QStringLiteral("error"), JsonReport::error(*report->failure));
        context.out().document(doc);
        return static_cast<int>(report->failure->code);
    }
    context.out().report(
        QStringLiteral("Rehearsed %1 of %2 (%3 -> v%4):\n")
            .arg(counted(plan->steps.size(), QStringLiteral("step"), QStringLiteral("steps")),
                 session->db->display(), plan->versionLabel())
            .arg(plan->targetVersion) +
        text);
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
