#pragma once

#include <optional>

#include <QString>

namespace strata {

/// Seed 000's `strategystatus` values, uppercase exactly as the database enum spells them.
enum class StrategyStatus { Experimental, Testing, Production, Retired, Deprecated };

/// "EXPERIMENTAL" → Experimental. A value the enum does not know (a lowercase "experimental" written by an
/// old release, a typo) gives nullopt; callers keep the raw text and report it by name, like the
/// application's LookupError, instead of failing the whole view.
std::optional<StrategyStatus> parseStrategyStatus(const QString& text);
QString strategyStatusName(StrategyStatus status);

} // namespace strata
