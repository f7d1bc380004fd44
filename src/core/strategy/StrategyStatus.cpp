#include "strategy/StrategyStatus.h"

namespace strata {

std::optional<StrategyStatus> parseStrategyStatus(const QString& text)
{
    // Exact match only: the database enum is case-sensitive, so "experimental" is a different value (the
    // lowercase spelling seed 000's application wrote before its fix), reported rather than folded.
    if (text == QLatin1String("EXPERIMENTAL"))
        return StrategyStatus::Experimental;
    if (text == QLatin1String("TESTING"))
        return StrategyStatus::Testing;
    if (text == QLatin1String("PRODUCTION"))
        return StrategyStatus::Production;
    if (text == QLatin1String("RETIRED"))
        return StrategyStatus::Retired;
    if (text == QLatin1String("DEPRECATED"))
        return StrategyStatus::Deprecated;
    return std::nullopt;
}

QString strategyStatusName(StrategyStatus status)
{
    switch (status) {
    case StrategyStatus::Experimental:
        return QStringLiteral("EXPERIMENTAL");
    case StrategyStatus::Testing:
        return QStringLiteral("TESTING");
    case StrategyStatus::Production:
        return QStringLiteral("PRODUCTION");
    case StrategyStatus::Retired:
        return QStringLiteral("RETIRED");
    case StrategyStatus::Deprecated:
        return QStringLiteral("DEPRECATED");
    }
    return QStringLiteral("EXPERIMENTAL");
}

} // namespace strata
