#pragma once

#include <QString>

#include "review/StepReview.h"

class QTreeWidgetItem;

namespace strata {

/// The review of a step in a list of steps: the step's row gets a verdict in `column` ("BLOCK 1, WARN 2",
/// with the icon of the worst), and one row per finding is added under it, severity spelled out, the
/// rule, the table's size, and the whole finding (with its safe rewrite) as the row's tooltip.
class FindingItems
{
public:
    /// Rows added under `stepItem` carry this in Qt::UserRole + 1 (the rule id), for tests and the
    /// details pane.
    static constexpr int RuleRole = Qt::UserRole + 1;

    static void add(QTreeWidgetItem* stepItem, const StepReview& review, int column);
    /// Removes the finding rows and the verdict added before (a new review replaces them).
    static void clear(QTreeWidgetItem* stepItem, int column);
    /// "BLOCK 1, WARN 2, 1 allowed"; "no findings".
    static QString verdict(const StepReview& review);
};

} // namespace strata
