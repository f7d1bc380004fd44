#include "review/ReviewSeverity.h"

namespace strata {

QString severityName(ReviewSeverity severity)
{
    switch (severity) {
    case ReviewSeverity::Info:
        return QStringLiteral("info");
    case ReviewSeverity::Warn:
        return QStringLiteral("warn");
    case ReviewSeverity::Block:
        return QStringLiteral("block");
    }
    return {};
}

std::optional<ReviewSeverity> severityFromName(const QString& name)
{
    for (const auto s : {ReviewSeverity::Info, ReviewSeverity::Warn, ReviewSeverity::Block})
        if (severityName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace strata
