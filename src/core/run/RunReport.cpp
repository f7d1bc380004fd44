#include "run/RunReport.h"

#include <QJsonArray>

namespace strata {

void RunReport::add(const QString& phase, const CheckResult& check)
{
    if (phases.isEmpty() || phases.last().phase != phase)
        phases.append({phase, {}});
    phases.last().checks << check;
}

QJsonObject RunReport::toJson() const
{
    QJsonArray phaseArray;
    for (const auto& p : phases) {
        QJsonArray checks;
        for (const auto& c : p.checks)
            checks.append(c.toJson());
        phaseArray.append(
            QJsonObject{{QStringLiteral("phase"), p.phase}, {QStringLiteral("checks"), checks}});
    }
    QJsonObject object{{QStringLiteral("run_id"), runId},
                       {QStringLiteral("database"), database},
                       {QStringLiteral("set"), set},
                       {QStringLiteral("started_at"), startedAt},
                       {QStringLiteral("finished_at"), finishedAt},
                       {QStringLiteral("from_version"), fromVersion},
                       {QStringLiteral("to_version"), toVersion},
                       {QStringLiteral("options"), QJsonArray::fromStringList(options)},
                       {QStringLiteral("phases"), phaseArray},
                       {QStringLiteral("tables_before"), QJsonArray::fromStringList(tablesBefore)},
                       {QStringLiteral("applied_steps"), QJsonArray::fromStringList(appliedSteps)},
                       {QStringLiteral("outcome"), outcome},
                       {QStringLiteral("restore_command"), restoreCommand},
                       {QStringLiteral("restored_aside"), restoredAside}};
    if (!stepOutput.isEmpty()) {
        QJsonObject output;
        for (auto it = stepOutput.cbegin(); it != stepOutput.cend(); ++it)
            output.insert(it.key(), QJsonArray::fromStringList(it.value()));
        object.insert(QStringLiteral("step_output"), output);
    }
    if (blockers)
        object.insert(QStringLiteral("blockers"), blockers->toJson());
    if (!lockWaits.isEmpty()) {
        QJsonObject waits;
        for (auto it = lockWaits.cbegin(); it != lockWaits.cend(); ++it) {
            QJsonArray tries;
            for (const auto& w : it.value())
                tries.append(w.toJson());
            waits.insert(it.key(), tries);
        }
        object.insert(QStringLiteral("lock_waits"), waits);
    }
    if (backup)
        object.insert(QStringLiteral("backup"), backup->toJson());
    if (rehearsal)
        object.insert(QStringLiteral("rehearsal"), rehearsal->toJson());
    if (review)
        object.insert(QStringLiteral("review"), review->toJson());
    if (error)
        object.insert(QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("exit_code"), static_cast<int>(error->code)},
                                  {QStringLiteral("message"), error->what},
                                  {QStringLiteral("unchanged"), error->unchanged},
                                  {QStringLiteral("next"), error->next}});
    return object;
}

} // namespace strata
