#include "ReviewCommand.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include "common/Counted.h"
#include "review/PlanReview.h"
#include "review/ReviewPatch.h"

namespace strata::cli {

namespace {

QString fileText(const MigrationSet& set, const MigrationStep& step)
{
    QFile file(QDir(set.root).filePath(step.forwardPath));
    if (!file.open(QIODevice::ReadOnly))
        return QString::fromUtf8(step.forwardSql);
    return QString::fromUtf8(file.readAll());
}

QString text(const ReviewReport& report, const QString& database)
{
    QString out = QStringLiteral("Review of the pending steps on %1: %2. Nothing was run.\n")
                      .arg(database, report.summary());
    if (!report.catalogProblem.isEmpty())
        out += QStringLiteral("Note: the live table sizes could not all be read (%1); tables whose size is "
                              "unknown count as having rows.\n")
                   .arg(report.catalogProblem);
    for (const auto& step : report.steps) {
        out += QStringLiteral("\n%1: %2\n")
                   .arg(step.step.label(), step.findings.isEmpty()
                                               ? QStringLiteral("nothing to report")
                                               : counted(step.findings.size(), QStringLiteral("finding"),
                                                         QStringLiteral("findings")));
        for (const auto& f : step.findings)
            out += f.toText(QStringLiteral("  "));
    }
    if (report.blocked())
        out += QStringLiteral("\nBLOCKED: a finding of severity \"block\" stands. Apply its safe rewrite "
                              "(strata-cli review --patch), or accept it in the step's file with "
                              "-- strata:allow RULE reason.\n");
    return out;
}

} // namespace

int ReviewCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("review");
    if (!context.options().arguments.isEmpty())
        return context.out().fail(
            Error::badInput(
                QStringLiteral("review takes no arguments, not \"%1\".")
                    .arg(context.options().arguments.join(QLatin1Char(' '))),
                QStringLiteral("Run `strata-cli --db URL --migrations DIR review [--json] [--patch]`.")),
            command);
    auto session = context.openSession(DatabaseOpener::Mode::Inspect);
    if (!session)
        return context.out().fail(session.error(), command);
    auto plan = session->planner().planUp({context.options().to, context.enabledOptions(session->set)});
    if (!plan)
        return context.out().fail(plan.error(), command);
    std::optional<std::chrono::milliseconds> runLockTimeout;
    if (const auto& config = context.config())
        runLockTimeout = config->timeouts.lockTimeout;
    auto report = PlanReview::review(*plan, *session->db, runLockTimeout);
    if (!report)
        return context.out().fail(report.error(), command);

    QString patch;
    QJsonObject doc = report->toJson();
    QJsonArray steps = doc.value(QStringLiteral("steps")).toArray();
    for (qsizetype i = 0; i < report->steps.size(); ++i) {
        const QString stepPatch =
            ReviewPatch::forStep(report->steps.at(i), fileText(session->set, report->steps.at(i).step));
        patch += stepPatch;
        QJsonObject step = steps.at(i).toObject();
        step.insert(QStringLiteral("patch"), stepPatch.isEmpty() ? QJsonValue() : QJsonValue(stepPatch));
        steps.replace(i, step);
    }
    doc.insert(QStringLiteral("steps"), steps);
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("database"), session->db->display());
    doc.insert(QStringLiteral("dialect"), dialectName(session->db->dialect()));
    doc.insert(QStringLiteral("patch"), patch.isEmpty() ? QJsonValue() : QJsonValue(patch));

    const QString review = text(*report, session->db->display());
    if (context.options().patch && !context.out().json()) {
        // The patch alone on stdout (`review --patch > safe.diff`; apply with patch -p1 -d MIGRATIONS_DIR).
        context.out().notice(review);
        context.out().report(patch);
    } else {
        context.out().report(review);
    }
    context.out().document(doc);
    return report->blocked() ? static_cast<int>(ExitCode::Refused) : 0;
}

} // namespace strata::cli
