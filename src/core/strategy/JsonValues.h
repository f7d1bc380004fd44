#pragma once

#include <cmath>
#include <optional>

#include <QJsonValue>
#include <QString>

namespace strata::jsonvalues {

/// A figure for scripts: null when it is not a finite number (NaN "not defined", never an invalid inf).
inline QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

/// A nullable column's figure: null when NULL or not finite.
inline QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? number(*value) : QJsonValue(QJsonValue::Null);
}

/// A nullable text column: null when empty.
inline QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace strata::jsonvalues
