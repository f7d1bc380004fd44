#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "explain/QueryPlan.h"
#include "schema/IndexAdvice.h"

namespace strata {

/// A plan's figures in the words the panel and the CLI share: times in ms, rows with thousands separated,
/// buffers as hit/read, and the whole plan as an indented text tree or as JSON.
class PlanText
{
public:
    static QString milliseconds(double ms);
    static QString count(double value);
    /// "est 120" or "est 120 · actual 118 × 3 loops"; empty when the engine gave no figure.
    static QString rows(const PlanNode& node);
    /// Own time with its share of the plan ("12.3 ms · 61%"), else own cost ("own cost 431 · 48%").
    static QString own(const PlanNode& node);
    /// "hit 120 · read 4"; empty without BUFFERS.
    static QString buffers(const PlanNode& node);
    /// "0.00..431.00"; empty on SQLite.
    static QString cost(const PlanNode& node);
    /// What the node filters and looks up by, one per line ("Filter: ...").
    static QStringList conditions(const PlanNode& node);
    /// The plan as an indented tree, one node a line with its figures, then the advice and the note.
    static QString tree(const QueryPlan& plan, const QList<IndexAdvice>& advice);
    /// The plan for scripts: {"dialect", "analyzed", "planning_ms", "execution_ms", "note", "nodes": [...],
    /// "advice": [...]}; each node with "id", "parent", its figures and "expense": none/notable/high.
    static QJsonObject json(const QueryPlan& plan, const QList<IndexAdvice>& advice);
    static QString expenseName(PlanExpense expense);
};

} // namespace strata
