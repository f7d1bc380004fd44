#pragma once

#include <chrono>
#include <optional>

#include <QString>

namespace strata {

/// A duration as operators write it in a step's directives and the operator config: a number and one of
/// PostgreSQL's units for its timeouts ("500ms", "5s", "10min", "1h"), or "0" for no limit. A bare number
/// other than 0 is refused: PostgreSQL reads one as milliseconds, YAML users as seconds.
class DurationText
{
public:
    /// The duration, or nothing when `text` is not one.
    static std::optional<std::chrono::milliseconds> parse(const QString& text);
    /// "5s", "1500ms", "10min", "unlimited" for 0.
    static QString format(std::chrono::milliseconds duration);
    /// The value as PostgreSQL's SET takes it ("5000ms", "0").
    static QString postgresValue(std::chrono::milliseconds duration);
    /// What `parse` accepts, for the Next of a bad value.
    static QString syntax();
};

} // namespace strata
