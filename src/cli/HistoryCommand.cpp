#include "HistoryCommand.h"

#include "JsonReport.h"
#include "tools/alembic/AlembicStatus.h"

namespace strata::cli {

int HistoryCommand::run(const CliContext& context)
{
    auto session = context.openSession(DatabaseOpener::Mode::Inspect);
    if (!session)
        return context.out().fail(session.error(), QStringLiteral("history"));
    const HistoryState& history = session->history;

    // A no-op step (an empty or comment-only file) is recorded like any step; the set's file says it is one.
    QStringList noOpSlots;
    for (const auto& s : session->set.steps)
        if (s.noOp && !s.repeatable)
            noOpSlots << s.slot();
    auto stepLine = [&](const StepRecord& s) {
        return QStringLiteral("    %1 %2%10  %3  %4  %5 ms  %6@%7  sha256 %8  %9\n")
            .arg(s.slot(), s.name, s.status, s.finishedAt.isEmpty() ? s.startedAt : s.finishedAt)
            .arg(s.executionTimeMs)
            .arg(s.appliedBy, s.host, s.checksum.left(12), s.script,
                 noOpSlots.contains(s.slot()) ? QStringLiteral(" (no-op)") : QString());
    };

    QString text = QStringLiteral("History of %1\n").arg(session->db->display());
    if (!history.tracked)
        text += QStringLiteral("  The database is not tracked: it has no schema_version rows.\n");
    if (!history.otherTools.isEmpty())
        text += QStringLiteral("Other tools' history:\n") +
                JsonReport::otherToolsText(history.otherTools, QStringLiteral("  "));
    // An Alembic project: alembic_version holds the current revisions; the graph says what is below them.
    const auto alembic = AlembicStatus::of(session->set, history);
    if (alembic)
        text += alembic->describe(QStringLiteral("  "));
    for (const auto& v : history.versions) {
        text += QStringLiteral("v%1  %2  %3  %4 ms  %5\n")
                    .arg(v.version)
                    .arg(v.success ? QStringLiteral("ok    ") : QStringLiteral("FAILED"), v.appliedAt)
                    .arg(v.executionTimeMs)
                    .arg(v.description);
        for (const auto& s : history.steps) {
            if (s.version != v.version)
                continue;
            text += stepLine(s);
        }
    }
    QList<qint64> listed;
    for (const auto& v : history.versions)
        listed << v.version;
    for (const auto& s : history.steps) {
        if (listed.contains(s.version))
            continue;
        text += stepLine(s);
    }
    if (!history.repeatables.isEmpty())
        text += QStringLiteral("Repeatable scripts:\n");
    for (const auto& r : history.repeatables)
        text += QStringLiteral("    repeatable %1  %2  %3  %4 ms  %5@%6  sha256 %7  %8  (%9)\n")
                    .arg(r.description, r.status, r.finishedAt.isEmpty() ? r.startedAt : r.finishedAt)
                    .arg(r.executionTimeMs)
                    .arg(r.appliedBy, r.host,
                         r.checksum.isEmpty() ? QStringLiteral("-") : r.checksum.left(12), r.script,
                         r.runs == 1 ? QStringLiteral("1 successful run")
                                     : QStringLiteral("%1 successful runs").arg(r.runs));
    context.out().report(text);

    QJsonArray versions;
    for (const auto& v : history.versions)
        versions.append(JsonReport::versionRecord(v));
    QJsonArray steps;
    for (const auto& s : history.steps) {
        QJsonObject step = JsonReport::stepRecord(s);
        step.insert(QStringLiteral("no_op"), noOpSlots.contains(s.slot()));
        steps.append(step);
    }
    QJsonArray repeatables;
    for (const auto& r : history.repeatables)
        repeatables.append(JsonReport::repeatableRecord(r));
    context.out().document(
        {{QStringLiteral("command"), QStringLiteral("history")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("database"), session->db->display()},
         {QStringLiteral("tracked"), history.tracked},
         {QStringLiteral("current_version"), history.currentVersion()},
         {QStringLiteral("versions"), versions},
         {QStringLiteral("steps"), steps},
         {QStringLiteral("repeatables"), repeatables},
         {QStringLiteral("other_tools"), JsonReport::otherTools(history.otherTools)},
         {QStringLiteral("alembic"), alembic ? QJsonValue(alembic->toJson()) : QJsonValue()}});
    return 0;
}

} // namespace strata::cli
