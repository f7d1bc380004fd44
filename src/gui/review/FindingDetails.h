#pragma once

#include <QString>

#include "review/ReviewReport.h"

namespace strata {

/// The review of a step as a details pane reads it (HTML for a QTextBrowser): each finding with its
/// severity spelled out, what it does and why it matters, the statement and its line, the table's size and
/// who uses it, the safe rewrite as SQL and how to apply it, or the reason it was allowed.
class FindingDetails
{
public:
    static QString html(const StepReview& review);
    /// "The review blocks the migration: 2.2 indexes (002_v2/02_indexes.sql): pg-index-not-concurrent on
    /// enforcement_log, orders.", naming each block finding that stands, by step and rule; empty when none.
    static QString blockMessage(const ReviewReport& report);
};

} // namespace strata
