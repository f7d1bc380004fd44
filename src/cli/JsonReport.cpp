#include "JsonReport.h"

namespace strata::cli {

QJsonObject JsonReport::error(const Error& error)
{
    return {{QStringLiteral("exit_code"), static_cast<int>(error.code)},
            {QStringLiteral("message"), error.what},
            {QStringLiteral("unchanged"), error.unchanged},
            {QStringLiteral("next"), error.next}};
}

QJsonObject JsonReport::step(const MigrationStep& step)
{
    QJsonObject object{{QStringLiteral("slot"), step.slot()},
                       {QStringLiteral("version"), step.version},
                       {QStringLiteral("step"), step.step},
                       {QStringLiteral("name"), step.name},
                       {QStringLiteral("phase"), step.phase()},
                       {QStringLiteral("file"), step.forwardPath},
                       {QStringLiteral("rollback_file"), step.rollbackPath},
                       {QStringLiteral("checksum"), step.checksum},
                       {QStringLiteral("transactional"), step.transactional()}};
    if (step.isOptional())
        object.insert(QStringLiteral("option"), step.header.option);
    if (!step.header.description.isEmpty())
        object.insert(QStringLiteral("description"), step.header.description);
    object.insert(QStringLiteral("no_op"), step.noOp);
    if (step.repeatable)
        object.insert(QStringLiteral("repeatable"), true);
    if (step.ownTransaction)
        object.insert(QStringLiteral("own_transaction"), true);
    if (!step.noTransactionReason.isEmpty())
        object.insert(QStringLiteral("no_transaction_reason"), step.noTransactionReason);
    return object;
}

QString JsonReport::howItRuns(const MigrationStep& step)
{
    if (step.noOp)
        return QStringLiteral(", runs nothing (recorded as applied)");
    if (!step.noTransactionReason.isEmpty())
        return QStringLiteral(", outside a transaction (%1)").arg(step.noTransactionReason);
    if (!step.transactional())
        return QStringLiteral(", outside a transaction");
    if (step.ownTransaction)
        return QStringLiteral(", in its own transaction (the file's BEGIN ... COMMIT, with its history row)");
    return QStringLiteral(", in its own transaction");
}

QJsonArray JsonReport::repeatables(const QList<PlannedRepeatable>& repeatables)
{
    QJsonArray array;
    for (const auto& r : repeatables) {
        QJsonObject object = step(r.script);
        object.insert(QStringLiteral("runs"), r.runs);
        object.insert(QStringLiteral("state"), r.state);
        array.append(object);
    }
    return array;
}

QJsonObject JsonReport::problem(const Problem& problem)
{
    return {{QStringLiteral("kind"), problem.kindName()},
            {QStringLiteral("slot"), problem.slot},
            {QStringLiteral("files"), QJsonArray::fromStringList(problem.files)},
            {QStringLiteral("message"), problem.message},
            {QStringLiteral("resolution"), problem.resolution}};
}

QJsonArray JsonReport::problems(const QList<Problem>& problems)
{
    QJsonArray array;
    for (const auto& p : problems)
        array.append(problem(p));
    return array;
}

QJsonArray JsonReport::partialVersions(const QList<PartialVersion>& versions)
{
    QJsonArray array;
    for (const auto& v : versions)
        array.append(QJsonObject{{QStringLiteral("version"), v.version},
                                 {QStringLiteral("applied_steps"), v.appliedSteps},
                                 {QStringLiteral("steps"), v.steps},
                                 {QStringLiteral("pending"), QJsonArray::fromStringList(v.pendingSlots)}});
    return array;
}

QJsonArray JsonReport::interruptedRuns(const QList<RunEntry>& runs)
{
    QJsonArray array;
    for (const auto& r : runs)
        array.append(QJsonObject{{QStringLiteral("run_id"), r.runId},
                                 {QStringLiteral("started_at"), r.startedAt},
                                 {QStringLiteral("phase"), r.phase},
                                 {QStringLiteral("from_version"), r.fromVersion},
                                 {QStringLiteral("target_version"), r.targetVersion},
                                 {QStringLiteral("applied_by"), r.appliedBy},
                                 {QStringLiteral("host"), r.host},
                                 {QStringLiteral("pid"), r.pid},
                                 {QStringLiteral("run_log"), r.runLog},
                                 {QStringLiteral("consequence"), r.consequence()}});
    return array;
}

QJsonArray JsonReport::otherTools(const QList<ForeignHistory>& tools,
                                  const QMap<QString, QString>& appliedSteps)
{
    QJsonArray array;
    for (const auto& t : tools) {
        QJsonArray steps;
        for (auto it = appliedSteps.cbegin(); it != appliedSteps.cend(); ++it)
            if (it.value() == t.tool)
                steps.append(it.key());
        QJsonArray rows;
        for (const auto& r : t.rows)
            rows.append(QJsonObject{{QStringLiteral("version"), r.version},
                                    {QStringLiteral("name"), r.name},
                                    {QStringLiteral("applied_at"), r.appliedAt},
                                    {QStringLiteral("checksum"), r.checksum},
                                    {QStringLiteral("applied"), r.applied()},
                                    {QStringLiteral("dirty"), r.dirty},
                                    {QStringLiteral("failed"), r.failed},
                                    {QStringLiteral("rolled_back"), r.rolledBack},
                                    {QStringLiteral("finished"), r.finished},
                                    {QStringLiteral("problem"), r.problem},
                                    {QStringLiteral("resolution"), r.remedy}});
        array.append(
            QJsonObject{{QStringLiteral("tool"), t.tool},
                        {QStringLiteral("table"), t.table},
                        {QStringLiteral("follows"), t.follows},
                        {QStringLiteral("read_only"), t.readOnly},
                        {QStringLiteral("applied"), steps.isEmpty() ? t.appliedRows().size() : steps.size()},
                        {QStringLiteral("applied_steps"), steps},
                        {QStringLiteral("last_applied_at"), t.lastAppliedAt()},
                        {QStringLiteral("summary"), t.summary()},
                        {QStringLiteral("read_error"), t.readError},
                        {QStringLiteral("rows"), rows}});
    }
    return array;
}

QString JsonReport::otherToolsText(const QList<ForeignHistory>& tools, const QString& indent)
{
    QString text;
    for (const auto& t : tools) {
        text += indent + t.summary() + QLatin1Char('\n');
        for (const auto& r : t.troubledRows())
            text += QStringLiteral("%1  %2  %3\n").arg(indent, r.version, r.problem);
    }
    return text;
}

QString JsonReport::interruptedRunsText(const QList<RunEntry>& runs, const QString& indent)
{
    QString text;
    for (const auto& r : runs)
        text +=
            QStringLiteral("%1%2, started %3 by %4 on %5 (pid %6), was interrupted in its %7 phase: %8.\n"
                           "%1    -> Check the database (strata-cli verify; the run log is %9), then record "
                           "that you did: strata-cli resolve --acknowledge-run %2\n")
                .arg(indent, r.runId, r.startedAt, r.appliedBy, r.host)
                .arg(r.pid)
                .arg(r.phase, r.consequence(), r.runLog);
    return text;
}

QJsonObject JsonReport::plan(const MigrationPlan& plan)
{
    QJsonArray steps;
    for (const auto& s : plan.steps)
        steps.append(step(s));
    QJsonArray off;
    for (const auto& s : plan.optionalOff)
        off.append(step(s));
    return {{QStringLiteral("set"), plan.setName},
            {QStringLiteral("dialect"), dialectName(plan.dialect)},
            {QStringLiteral("direction"),
             plan.direction == MigrationPlan::Direction::Up ? QStringLiteral("up") : QStringLiteral("down")},
            {QStringLiteral("current_version"), plan.currentVersion},
            {QStringLiteral("complete_version"), plan.completeVersion},
            {QStringLiteral("version_label"), plan.versionLabel()},
            {QStringLiteral("partial_versions"), partialVersions(plan.partialVersions)},
            {QStringLiteral("target_version"), plan.targetVersion},
            {QStringLiteral("head_version"), plan.headVersion},
            {QStringLiteral("tracked"), plan.tracked},
            {QStringLiteral("baseline"), QJsonObject{{QStringLiteral("recognised"), plan.baselineRecognised},
                                                     {QStringLiteral("version"), plan.baselineVersion}}},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("phases"), QJsonArray::fromStringList(plan.phases())},
            {QStringLiteral("optional_off"), off},
            {QStringLiteral("repeatables"), repeatables(plan.repeatables)},
            {QStringLiteral("options_enabled"), QJsonArray::fromStringList(plan.enabledOptions)},
            {QStringLiteral("problems"), problems(plan.problems)},
            {QStringLiteral("interrupted_runs"), interruptedRuns(plan.interruptedRuns)}};
}

QJsonObject JsonReport::versionRecord(const VersionRecord& record)
{
    return {{QStringLiteral("version"), record.version},
            {QStringLiteral("applied_at"), record.appliedAt},
            {QStringLiteral("description"), record.description},
            {QStringLiteral("migration_script"), record.migrationScript},
            {QStringLiteral("rollback_script"), record.rollbackScript},
            {QStringLiteral("execution_time_ms"), record.executionTimeMs},
            {QStringLiteral("success"), record.success},
            {QStringLiteral("error_message"), record.errorMessage}};
}

QJsonObject JsonReport::repeatableRecord(const RepeatableRecord& record)
{
    return {{QStringLiteral("description"), record.description},
            {QStringLiteral("file"), record.script},
            {QStringLiteral("checksum"), record.checksum},
            {QStringLiteral("status"), record.status},
            {QStringLiteral("transactional"), record.transactional},
            {QStringLiteral("started_at"), record.startedAt},
            {QStringLiteral("finished_at"), record.finishedAt},
            {QStringLiteral("execution_time_ms"), record.executionTimeMs},
            {QStringLiteral("applied_by"), record.appliedBy},
            {QStringLiteral("host"), record.host},
            {QStringLiteral("tool_version"), record.toolVersion},
            {QStringLiteral("runs"), record.runs},
            {QStringLiteral("error_message"), record.errorMessage}};
}

QJsonObject JsonReport::stepRecord(const StepRecord& record)
{
    return {{QStringLiteral("slot"), record.slot()},
            {QStringLiteral("version"), record.version},
            {QStringLiteral("step"), record.step},
            {QStringLiteral("name"), record.name},
            {QStringLiteral("phase"), record.phase},
            {QStringLiteral("file"), record.script},
            {QStringLiteral("checksum"), record.checksum},
            {QStringLiteral("status"), record.status},
            {QStringLiteral("transactional"), record.transactional},
            {QStringLiteral("started_at"), record.startedAt},
            {QStringLiteral("finished_at"), record.finishedAt},
            {QStringLiteral("execution_time_ms"), record.executionTimeMs},
            {QStringLiteral("applied_by"), record.appliedBy},
            {QStringLiteral("host"), record.host},
            {QStringLiteral("tool_version"), record.toolVersion},
            {QStringLiteral("error_message"), record.errorMessage}};
}

} // namespace strata::cli
