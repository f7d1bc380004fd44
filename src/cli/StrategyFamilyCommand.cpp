#include "StrategyFamilyCommand.h"

#include <cmath>

#include "analytics/FamilyJson.h"
#include "analytics/FamilyReader.h"

namespace strata::cli {

namespace family_command {

/// Parameters shown in the table: those that vary in the family, at most this many (the JSON has all).
constexpr int kShownParameters = 6;

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QStringLiteral("%1%").arg(fraction * 100, 0, 'f', 2)
                                   : QStringLiteral("-");
}

QString ratio(double value)
{
    return std::isfinite(value) ? QString::number(value, 'f', 2) : QStringLiteral("-");
}

/// A lineage row's figure as the application recorded it (the demo: the change of Sharpe ratio and of
/// volatility), signed.
QString recorded(const std::optional<double>& value)
{
    if (!value || !std::isfinite(*value))
        return QStringLiteral("-");
    return (*value >= 0 ? QStringLiteral("+") : QString()) + QString::number(*value, 'g', 4);
}

/// A mean contribution, in the unit the application writes: often small, so significant digits.
QString contribution(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 3) : QStringLiteral("-");
}

QString cell(const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("-");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 6);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isString())
        return value.toString();
    return QStringLiteral("[…]");
}

QStringList varying(const FamilyView& family)
{
    QStringList out;
    for (const QString& name : family.parameterNames) {
        const QJsonValue first = family.members.first().parameters.value(name);
        for (const auto& m : family.members)
            if (m.parameters.value(name) != first) {
                out << name;
                break;
            }
        if (out.size() == kShownParameters)
            break;
    }
    return out;
}

/// Left-aligned columns as wide as their widest cell.
QString table(const QList<QStringList>& rows, const QString& indent)
{
    QList<qsizetype> widths;
    for (const QStringList& row : rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths << 0;
            widths[c] = std::max(widths.at(c), row.at(c).size());
        }
    QString text;
    for (const QStringList& row : rows) {
        QString line = indent;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += row.at(c).leftJustified(widths.at(c) + 2);
        text += line.trimmed().prepend(indent) + QLatin1Char('\n');
    }
    return text;
}

QString report(const FamilyView& f, const QString& where)
{
    const QStringList shown = varying(f);
    QString text = QStringLiteral("Family of %1 in %2: %3 members over %4 generations, %5 edges\n")
                       .arg(f.rootId, where)
                       .arg(f.members.size())
                       .arg(f.generations.size())
                       .arg(f.edges.size());
    QList<QStringList> rows{
        QStringList{QStringLiteral("gen"), QStringLiteral("strategy"), QStringLiteral("version")} + shown +
        QStringList{QStringLiteral("days"), QStringLiteral("Sharpe"), QStringLiteral("CAGR"),
                    QStringLiteral("max DD"), QStringLiteral("changed")}};
    for (const auto& m : f.members) {
        QStringList row{QString::number(m.generation), m.strategyId, m.version};
        for (const QString& name : shown)
            row << cell(m.parameters.value(name));
        row << QString::number(m.days) << ratio(m.sharpe) << percent(m.cagr) << percent(m.maxDrawdown)
            << m.changed.join(QStringLiteral(", "));
        rows << row;
    }
    text += table(rows, QStringLiteral("  "));
    if (!f.edges.isEmpty()) {
        text += QStringLiteral(
            "Lineage edges (performance_improvement and risk_change as the lineage rows record them):\n");
        QList<QStringList> edgeRows;
        for (const auto& e : f.edges)
            edgeRows << QStringList{e.ancestorId + QStringLiteral(" -> ") + e.descendantId, e.relationship,
                                    QStringLiteral("improvement %1").arg(recorded(e.performanceImprovement)),
                                    QStringLiteral("risk change %1").arg(recorded(e.riskChange)), e.reason};
        text += table(edgeRows, QStringLiteral("  "));
    }
    text += QStringLiteral(
        "Attribution by generation (mean daily contribution of each component; mean Sharpe):\n");
    QList<QStringList> genRows;
    for (const auto& g : f.generations)
        genRows << QStringList{QStringLiteral("gen %1").arg(g.generation),
                               QStringLiteral("%1 member%2").arg(g.members).arg(g.members == 1 ? "" : "s"),
                               QStringLiteral("signal %1").arg(contribution(g.attribution[0])),
                               QStringLiteral("risk %1").arg(contribution(g.attribution[1])),
                               QStringLiteral("sizer %1").arg(contribution(g.attribution[2])),
                               QStringLiteral("Sharpe %1").arg(ratio(g.meanSharpe))};
    text += table(genRows, QStringLiteral("  "));
    if (!f.problems.isEmpty()) {
        text += QStringLiteral("Problems:\n");
        for (const QString& p : f.problems)
            text += QStringLiteral("  ! ") + p + QLatin1Char('\n');
    }
    return text;
}

} // namespace family_command

int StrategyFamilyCommand::run(const CliContext& context, Database& db, const QString& rootId)
{
    const QString command = QStringLiteral("strategies family");
    auto family = FamilyReader(db).read(rootId);
    if (!family)
        return context.out().fail(family.error(), command);
    context.out().report(family_command::report(*family, db.display()));
    QJsonObject doc = FamilyJson::family(*family);
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("database"), db.display());
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
