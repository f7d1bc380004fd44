#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

#include "review/ReviewFinding.h"

namespace strata {

/// How a review finding looks wherever the desktop app lists one: its severity spelled out ("BLOCK",
/// "WARN", "INFO", "ALLOWED") beside an icon of its own shape, so the colour is never the only sign.
class FindingStyle
{
public:
    /// "BLOCK", "WARN", "INFO"; "ALLOWED" for a suppressed finding.
    static QString label(const ReviewFinding& finding);
    static QString label(ReviewSeverity severity);
    /// Red, amber or blue text that reads on a light background; grey for an allowed finding.
    static QColor colour(const ReviewFinding& finding);
    static QColor colour(ReviewSeverity severity);
    /// The standard critical / warning / information icons; a tick for an allowed finding.
    static QIcon icon(const ReviewFinding& finding);
    static QIcon icon(ReviewSeverity severity);
};

} // namespace strata
