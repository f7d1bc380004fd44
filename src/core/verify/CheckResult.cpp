#include "verify/CheckResult.h"

namespace strata {

CheckResult CheckResult::passed(QString name, QString detail)
{
    return {std::move(name), State::Passed, std::move(detail)};
}

CheckResult CheckResult::failed(QString name, QString detail)
{
    return {std::move(name), State::Failed, std::move(detail)};
}

CheckResult CheckResult::notRun(QString name, QString why)
{
    return {std::move(name), State::NotRun, std::move(why)};
}

QString CheckResult::stateName() const
{
    switch (state) {
    case State::Passed:
        return QStringLiteral("passed");
    case State::Failed:
        return QStringLiteral("failed");
    case State::NotRun:
        return QStringLiteral("not run");
    }
    return {};
}

QJsonObject CheckResult::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("result"), stateName()},
            {QStringLiteral("detail"), detail}};
}

CheckResult CheckResult::fromJson(const QJsonObject& object)
{
    CheckResult check;
    check.name = object.value(QStringLiteral("name")).toString();
    const QString result = object.value(QStringLiteral("result")).toString();
    check.state = result == QLatin1String("passed")   ? State::Passed
                  : result == QLatin1String("failed") ? State::Failed
                                                      : State::NotRun;
    check.detail = object.value(QStringLiteral("detail")).toString();
    return check;
}

bool CheckResult::allPassed(const QList<CheckResult>& checks)
{
    if (checks.isEmpty())
        return false;
    for (const auto& c : checks)
        if (!c.ok())
            return false;
    return true;
}

} // namespace strata
