#pragma once

#include <QColor>
#include <QList>
#include <QString>

#include "explain/PlanNode.h"
#include "schema/IndexAdvice.h"

namespace strata {

/// How the EXPLAIN panel shows one step of a plan in the theme shown: the tint of an expensive step, the
/// colours of the advice and of the link to the index map, whether its row estimate was far off, and the
/// text of the pane under the tree. Colours are read at each call, so a theme switch restyles by asking
/// again.
class PlanStepLook
{
public:
    /// Red (High) or amber (Notable) tint, light or dark; invalid for None.
    static QColor expenseBackground(PlanExpense expense);
    static QColor adviceColour();
    static QColor linkColour();
    /// Estimated against actual rows off by ten times or more: the planner chose with wrong figures.
    static bool misestimated(const PlanNode& node);
    /// The pane under the tree for `node`: its title, figures, conditions and its advice with the SQL.
    static QString detailHtml(const PlanNode& node, const QList<IndexAdvice>& advice);
};

} // namespace strata
