#pragma once

#include <optional>

#include <QString>

namespace strata {

/// How much a review finding matters to the operator in a maintenance window.
/// - Info: worth knowing, never stops a run (e.g. a short ACCESS EXCLUSIVE lock on an empty table).
/// - Warn: a risk the operator should look at (e.g. a rename that breaks clients still reading the old name).
/// - Block: a statement that would hold a strong lock on a table with rows for as long as it scans or
///   rewrites it, or that loses data; `strata-cli review` exits 5 while one stands unsuppressed.
enum class ReviewSeverity { Info, Warn, Block };

/// "info", "warn", "block".
QString severityName(ReviewSeverity severity);
std::optional<ReviewSeverity> severityFromName(const QString& name);

} // namespace strata
