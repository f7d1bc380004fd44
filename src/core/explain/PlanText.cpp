#include "explain/PlanText.h"

#include <QJsonArray>
#include <QLocale>

namespace strata {

QString PlanText::milliseconds(double ms)
{
    if (ms < 0)
        return {};
    if (ms >= 1000)
        return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 2);
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', ms < 10 ? 3 : 1);
}

QString PlanText::count(double value)
{
    if (value < 0)
        return {};
    if (value != static_cast<double>(static_cast<qint64>(value)))
        return QString::number(value, 'f', 1);
    return QLocale::c().toString(static_cast<qint64>(value));
}

QString PlanText::rows(const PlanNode& node)
{
    QStringList parts;
    if (node.planRows >= 0)
        parts << QStringLiteral("est %1").arg(count(node.planRows));
    if (node.neverExecuted)
        parts << QStringLiteral("never executed");
    else if (node.analyzed && node.actualRows >= 0) {
        QString actual = QStringLiteral("actual %1").arg(count(node.actualRows));
        if (node.actualLoops > 1)
            actual += QStringLiteral(" × %1 loops").arg(count(node.actualLoops));
        parts << actual;
    }
    return parts.join(QStringLiteral(" · "));
}

QString PlanText::own(const PlanNode& node)
{
    const QString share = QStringLiteral("%1%").arg(qRound(node.share * 100));
    if (node.exclusiveMs >= 0)
        return milliseconds(node.exclusiveMs) + QStringLiteral(" · ") + share;
    if (node.exclusiveCost >= 0)
        return QStringLiteral("cost %1 · %2").arg(node.exclusiveCost, 0, 'f', 1).arg(share);
    return {};
}

QString PlanText::buffers(const PlanNode& node)
{
    if (node.sharedHit < 0 && node.sharedRead < 0)
        return {};
    return QStringLiteral("hit %1 · read %2")
        .arg(count(double(std::max<qint64>(0, node.sharedHit))),
             count(double(std::max<qint64>(0, node.sharedRead))));
}

QString PlanText::cost(const PlanNode& node)
{
    if (node.totalCost < 0)
        return {};
    return QStringLiteral("%1..%2").arg(node.startupCost, 0, 'f', 2).arg(node.totalCost, 0, 'f', 2);
}

QStringList PlanText::conditions(const PlanNode& node)
{
    QStringList lines;
    if (!node.indexCondition.isEmpty())
        lines << (node.nodeType == QLatin1String("SEARCH") ? QStringLiteral("Looks up: ")
                                                           : QStringLiteral("Index Cond: ")) +
                     node.indexCondition;
    if (!node.joinCondition.isEmpty())
        lines << QStringLiteral("Join: ") + node.joinCondition;
    if (!node.filter.isEmpty()) {
        QString line = QStringLiteral("Filter: ") + node.filter;
        if (node.rowsRemovedByFilter >= 0)
            line += QStringLiteral(" (removed %1 rows)").arg(count(double(node.rowsRemovedByFilter)));
        lines << line;
    }
    if (!node.sortKey.isEmpty())
        lines << QStringLiteral("Sort Key: ") + node.sortKey.join(QStringLiteral(", "));
    return lines;
}

QString PlanText::expenseName(PlanExpense expense)
{
    switch (expense) {
    case PlanExpense::None:
        return QStringLiteral("none");
    case PlanExpense::Notable:
        return QStringLiteral("notable");
    case PlanExpense::High:
        return QStringLiteral("high");
    }
    return {};
}

QString PlanText::tree(const QueryPlan& plan, const QList<IndexAdvice>& advice)
{
    QStringList lines;
    QList<int> todo;
    for (qsizetype i = plan.roots.size() - 1; i >= 0; --i)
        todo << plan.roots.at(i);
    while (!todo.isEmpty()) {
        const int index = todo.takeLast();
        const PlanNode& node = plan.nodes.at(index);
        const QString indent(node.depth * 2, QLatin1Char(' '));
        QString line = indent + (node.depth > 0 ? QStringLiteral("-> ") : QString()) + node.title();
        QStringList figures;
        for (const QString& f : {cost(node), rows(node), own(node), buffers(node)})
            if (!f.isEmpty())
                figures << f;
        if (!figures.isEmpty())
            line += QStringLiteral("  [") + figures.join(QStringLiteral(" | ")) + QLatin1Char(']');
        if (node.expense == PlanExpense::High)
            line += QStringLiteral("  << most of the plan's work");
        else if (node.expense == PlanExpense::Notable)
            line += QStringLiteral("  < notable");
        lines << line;
        for (const QString& c : conditions(node))
            lines << indent + QStringLiteral("     ") + c;
        if (node.advice >= 0 && node.advice < advice.size())
            lines << indent + QStringLiteral("     Advice: ") + advice.at(node.advice).sql;
        for (qsizetype i = node.children.size() - 1; i >= 0; --i)
            todo << node.children.at(i);
    }
    if (plan.planningMs >= 0)
        lines << QStringLiteral("Planning time: ") + milliseconds(plan.planningMs);
    if (plan.executionMs >= 0)
        lines << QStringLiteral("Execution time: ") + milliseconds(plan.executionMs);
    for (const IndexAdvice& a : advice)
        lines << QString()
              << QStringLiteral("%1 on %2: %3").arg(IndexAdvice::kindTitle(a.kind), a.table, a.message)
              << QStringLiteral("  ") + a.sql;
    if (!plan.note.isEmpty())
        lines << QString() << plan.note;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QJsonObject PlanText::json(const QueryPlan& plan, const QList<IndexAdvice>& advice)
{
    const auto number = [](double v) { return v < 0 ? QJsonValue() : QJsonValue(v); };
    QJsonArray nodes;
    for (qsizetype i = 0; i < plan.nodes.size(); ++i) {
        const PlanNode& n = plan.nodes.at(i);
        QJsonObject o{{QStringLiteral("id"), int(i)},
                      {QStringLiteral("parent"), n.parent < 0 ? QJsonValue() : QJsonValue(n.parent)},
                      {QStringLiteral("node_type"), n.nodeType},
                      {QStringLiteral("title"), n.title()},
                      {QStringLiteral("startup_cost"), number(n.startupCost)},
                      {QStringLiteral("total_cost"), number(n.totalCost)},
                      {QStringLiteral("plan_rows"), number(n.planRows)},
                      {QStringLiteral("actual_rows"), number(n.actualRows)},
                      {QStringLiteral("actual_loops"), number(n.actualLoops)},
                      {QStringLiteral("actual_total_ms"), number(n.actualTotalMs)},
                      {QStringLiteral("exclusive_ms"), number(n.exclusiveMs)},
                      {QStringLiteral("exclusive_cost"), number(n.exclusiveCost)},
                      {QStringLiteral("share"), n.share},
                      {QStringLiteral("expense"), expenseName(n.expense)},
                      {QStringLiteral("shared_hit"), number(double(n.sharedHit))},
                      {QStringLiteral("shared_read"), number(double(n.sharedRead))}};
        const auto text = [&o](const char* key, const QString& value) {
            if (!value.isEmpty())
                o.insert(QLatin1String(key), value);
        };
        text("detail", n.detail);
        text("schema", n.schema);
        text("relation", n.relation);
        text("table", n.table);
        text("alias", n.alias);
        text("index", n.index);
        text("filter", n.filter);
        text("index_condition", n.indexCondition);
        text("join_condition", n.joinCondition);
        if (n.advice >= 0)
            o.insert(QStringLiteral("advice"), n.advice);
        nodes.append(o);
    }
    QJsonArray advised;
    for (const IndexAdvice& a : advice)
        advised.append(QJsonObject{{QStringLiteral("kind"), a.kindName()},
                                   {QStringLiteral("schema"), a.schema},
                                   {QStringLiteral("table"), a.table},
                                   {QStringLiteral("columns"), QJsonArray::fromStringList(a.columns)},
                                   {QStringLiteral("message"), a.message},
                                   {QStringLiteral("sql"), a.sql}});
    return QJsonObject{{QStringLiteral("dialect"), dialectName(plan.dialect)},
                       {QStringLiteral("statement"), plan.sql},
                       {QStringLiteral("analyzed"), plan.analyzed},
                       {QStringLiteral("planning_ms"), number(plan.planningMs)},
                       {QStringLiteral("execution_ms"), number(plan.executionMs)},
                       {QStringLiteral("statement_rows"), number(double(plan.statementRows))},
                       {QStringLiteral("note"), plan.note},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("advice"), advised}};
}

} // namespace strata
