#include "rehearsal/RehearsalReport.h"

#include <QJsonArray>

namespace strata {

namespace {

QJsonArray stepsJson(const QList<RehearsedStep>& steps)
{
    QJsonArray array;
    for (const auto& step : steps)
        array << step.toJson();
    return array;
}

} // namespace

qint64 RehearsalReport::stepsMs() const
{
    qint64 total = 0;
    for (const auto& step : up)
        total += step.durationMs;
    return total;
}

double RehearsalReport::overhead() const
{
    const qint64 steps = stepsMs();
    return steps > 0 ? static_cast<double>(upPassMs) / static_cast<double>(steps) : 0.0;
}

QJsonObject RehearsalReport::toJson() const
{
    QJsonObject object{{QStringLiteral("ok"), succeeded},
                       {QStringLiteral("copy"), copy},
                       {QStringLiteral("backup"), backupPath},
                       {QStringLiteral("copy_rows"), copyRows},
                       {QStringLiteral("copy_ms"), copyMs},
                       {QStringLiteral("copy_dropped"), copyDropped},
                       {QStringLiteral("leftovers_dropped"), QJsonArray::fromStringList(leftoversDropped)},
                       {QStringLiteral("up"), stepsJson(up)},
                       {QStringLiteral("down"), stepsJson(down)},
                       {QStringLiteral("up_again"), stepsJson(again)},
                       {QStringLiteral("without_rollback"), QJsonArray::fromStringList(withoutRollback)},
                       {QStringLiteral("up_pass_ms"), upPassMs},
                       {QStringLiteral("steps_ms"), stepsMs()},
                       {QStringLiteral("overhead"), overhead()}};
    if (failure)
        object.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("pass"), failedPass},
                                                           {QStringLiteral("message"), failure->what},
                                                           {QStringLiteral("unchanged"), failure->unchanged},
                                                           {QStringLiteral("next"), failure->next}});
    return object;
}

QStringList RehearsalReport::lines() const
{
    QStringList out;
    out << QStringLiteral("Rehearsal on %1 (%2 rows in the tables the steps name, made in %3):")
               .arg(copy, RehearsedStep::rowCount(copyRows), RehearsedStep::duration(copyMs));
    for (const auto& step : up)
        out << QStringLiteral("  ") + step.summary();
    auto passLine = [](const QString& name, const QList<RehearsedStep>& steps) {
        QStringList parts;
        for (const auto& step : steps)
            parts << QStringLiteral("%1 %2%3").arg(step.slot, RehearsedStep::duration(step.durationMs),
                                                   step.succeeded ? QString() : QStringLiteral(" FAILED"));
        return QStringLiteral("  %1: %2")
            .arg(name, parts.isEmpty() ? QStringLiteral("nothing ran") : parts.join(QStringLiteral(", ")));
    };
    if (!down.isEmpty() || !again.isEmpty() || !withoutRollback.isEmpty()) {
        out << passLine(QStringLiteral("rollbacks (down)"), down);
        out << passLine(QStringLiteral("steps again (up)"), again);
    }
    if (!withoutRollback.isEmpty())
        out << QStringLiteral("  without a rollback script (not rolled back, reported only): %1")
                   .arg(withoutRollback.join(QStringLiteral(", ")));
    out << QStringLiteral("  up pass %1 for %2 of steps (%3x)")
               .arg(RehearsedStep::duration(upPassMs), RehearsedStep::duration(stepsMs()))
               .arg(overhead(), 0, 'f', 2);
    if (failure)
        out << QStringLiteral("  FAILED: %1").arg(failure->what);
    return out;
}

} // namespace strata
