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
    return object;
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
            {QStringLiteral("target_version"), plan.targetVersion},
            {QStringLiteral("head_version"), plan.headVersion},
            {QStringLiteral("tracked"), plan.tracked},
            {QStringLiteral("baseline"), QJsonObject{{QStringLiteral("recognised"), plan.baselineRecognised},
                                                     {QStringLiteral("version"), plan.baselineVersion}}},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("phases"), QJsonArray::fromStringList(plan.phases())},
            {QStringLiteral("optional_off"), off},
            {QStringLiteral("options_enabled"), QJsonArray::fromStringList(plan.enabledOptions)},
            {QStringLiteral("problems"), problems(plan.problems)}};
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
