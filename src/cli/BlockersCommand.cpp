#include "BlockersCommand.h"

#include <QJsonArray>

#include "preflight/BlockerScan.h"
#include "preflight/BlockerWait.h"
#include "preflight/PlanTables.h"
#include "preflight/SessionControl.h"

namespace strata::cli {

namespace {

QString text(const BlockerReport& report, bool withSet)
{
    QString out = QStringLiteral("Database:  %1\n").arg(report.database);
    out += QStringLiteral("Tables:    %1\n")
               .arg(!withSet ? QStringLiteral("(no migration set given: locks on tables are not looked at)")
                    : report.tables.isEmpty() ? QStringLiteral("(no pending step names a table)")
                                              : report.tables.join(QStringLiteral(", ")));
    if (report.isEmpty())
        return out + QStringLiteral("Blockers:  none\n");
    out += QStringLiteral("Blockers:\n");
    for (const QString& line : report.treeLines())
        out += QStringLiteral("  %1\n").arg(line);
    const auto sure = report.planBlockers();
    if (!sure.isEmpty()) {
        QStringList pids;
        for (const auto& s : sure)
            pids << QString::number(s.pid);
        out += QStringLiteral("migrate would refuse to start while %1 %2 there.\n")
                   .arg(pids.join(QStringLiteral(", ")),
                        sure.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"));
    }
    return out;
}

bool withSet(const CliContext& context)
{
    return !context.options().migrations.isEmpty() ||
           (context.config() && !context.config()->migrations.isEmpty());
}

/// The tables the pending steps name, when a migration set is given; none otherwise.
Result<QStringList> planTables(const CliContext& context, Database& db)
{
    if (!withSet(context))
        return QStringList();
    auto set = context.loadSet();
    if (!set)
        return set.error();
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    auto plan = MigrationPlanner(*set, db.dialect(), *history, *tables)
                    .planUp({context.options().to, context.enabledOptions(*set)});
    if (!plan)
        return plan.error();
    return PlanTables::of(plan->steps);
}

} // namespace

int BlockersCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("blockers");
    const CliOptions& o = context.options();
    if (o.cancelPid && o.terminatePid)
        return context.out().failUsage(
            Error::badInput(QStringLiteral("--cancel and --terminate were both given."),
                            QStringLiteral("Give one of them: --cancel PID stops the "
                                           "session's statement, --terminate PID ends the "
                                           "session.")),
            command);
    auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
    if (!db)
        return context.out().fail(db.error(), command);
    QJsonObject doc{{QStringLiteral("command"), command}, {QStringLiteral("database"), (*db)->display()}};

    if (o.cancelPid || o.terminatePid) {
        const bool end = o.terminatePid.has_value();
        const int pid = static_cast<int>(end ? *o.terminatePid : *o.cancelPid);
        auto session = SessionControl::describe(**db, pid);
        if (!session)
            return context.out().fail(session.error(), command);
        const QString what = end ? QStringLiteral("End session %1 (its transaction is rolled back)")
                                 : QStringLiteral("Cancel the statement of session %1");
        QString question = what.arg(session->title());
        if (!session->query.isEmpty())
            question += QStringLiteral(", query: %1").arg(session->query.simplified().left(120));
        if (auto confirmed = context.confirm(question + QLatin1Char('?')); !confirmed)
            return context.out().fail(confirmed.error(), command);
        if (auto done = end ? SessionControl::terminate(**db, pid) : SessionControl::cancel(**db, pid); !done)
            return context.out().fail(done.error(), command);
        context.out().report(QStringLiteral("%1 %2.").arg(
            end ? QStringLiteral("Ended") : QStringLiteral("Cancelled the statement of"), session->title()));
        doc.insert(QStringLiteral("ok"), true);
        doc.insert(end ? QStringLiteral("terminated") : QStringLiteral("cancelled"), pid);
        context.out().document(doc);
        return 0;
    }

    auto tables = planTables(context, **db);
    if (!tables)
        return context.out().fail(tables.error(), command);
    BlockerReport report;
    bool clear = true;
    if (o.waitSeconds) {
        int scans = 0;
        auto waited = BlockerWait::untilClear(
            **db, *tables, std::chrono::seconds(*o.waitSeconds), nullptr, [&](const BlockerReport& r) {
                if (scans++ == 0 && !r.isEmpty())
                    context.out().notice(
                        QStringLiteral("Waiting up to %1 s for %2 to finish.")
                            .arg(*o.waitSeconds)
                            .arg(r.sessions.size() == 1
                                     ? QStringLiteral("1 session")
                                     : QStringLiteral("%1 sessions").arg(r.sessions.size())));
            });
        if (!waited)
            return context.out().fail(waited.error(), command);
        report = waited->report;
        clear = waited->clear;
    } else {
        auto scanned = BlockerScan::scan(**db, *tables);
        if (!scanned)
            return context.out().fail(scanned.error(), command);
        report = *scanned;
    }
    context.out().report(text(report, withSet(context)));
    const QJsonObject json = report.toJson();
    for (auto it = json.begin(); it != json.end(); ++it)
        doc.insert(it.key(), it.value());
    if (o.waitSeconds && !clear) {
        const Error error = Error::failed(
            QStringLiteral("After %1 s, %2 still there.")
                .arg(*o.waitSeconds)
                .arg(report.sessions.size() == 1
                         ? QStringLiteral("1 session is")
                         : QStringLiteral("%1 sessions are").arg(report.sessions.size())),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Wait longer, or cancel or end a session with --cancel PID / --terminate PID."));
        doc.insert(QStringLiteral("ok"), false);
        doc.insert(QStringLiteral("clear"), false);
        context.out().notice(QStringLiteral("strata-cli: ") + error.toText());
        context.out().document(doc);
        return static_cast<int>(error.code);
    }
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("clear"), report.isEmpty());
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
