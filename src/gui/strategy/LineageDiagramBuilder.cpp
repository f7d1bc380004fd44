#include "strategy/LineageDiagramBuilder.h"

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QHash>
#include <QSet>

#include "strategy/LineageStyle.h"

namespace strata {

namespace {

QString boxId(int box)
{
    return QStringLiteral("b%1").arg(box);
}

/// Measures texts in the lineage fonts; the same text is measured once.
class Measure
{
public:
    double name(const QString& text) { return width(m_name, m_names, text); }
    double detail(const QString& text) { return width(m_detail, m_details, text); }
    QSizeF label(const LineageDiagram::Line& line)
    {
        const double p = LineageStyle::labelPadding;
        const QString figures = LineageDiagramBuilder::figuresLine(line);
        if (figures.isEmpty())
            return {width(m_label, m_labels, line.relationship) + 2 * p, m_label.height() + 2 * p};
        return {std::max(width(m_label, m_labels, line.relationship), width(m_label, m_labels, figures)) +
                    2 * p,
                2 * m_label.height() + 2 * p};
    }

private:
    static double width(const QFontMetricsF& metrics, QHash<QString, double>& known, const QString& text)
    {
        auto found = known.constFind(text);
        if (found != known.cend())
            return *found;
        return *known.insert(text, metrics.horizontalAdvance(text));
    }

    QFontMetricsF m_name{LineageStyle::nameFont()};
    QFontMetricsF m_detail{LineageStyle::detailFont()};
    QFontMetricsF m_label{LineageStyle::labelFont()};
    QHash<QString, double> m_names;
    QHash<QString, double> m_details;
    QHash<QString, double> m_labels;
};

} // namespace

QString LineageDiagramBuilder::detailLine(const StrategyRecord& strategy)
{
    const QString status = strategy.status ? strategyStatusName(*strategy.status)
                                           : QStringLiteral("\"%1\" ?").arg(strategy.statusText);
    return QStringLiteral("v%1 · %2").arg(strategy.version, status);
}

QString LineageDiagramBuilder::signedFigure(std::optional<double> value)
{
    if (!value || !std::isfinite(*value))
        return QStringLiteral("–");
    if (*value == 0)
        return QStringLiteral("0");
    // Three significant digits whatever the scale the application writes in (0.0123, 0.23, 12.3).
    const int decimals = std::clamp(2 - static_cast<int>(std::floor(std::log10(std::abs(*value)))), 0, 6);
    const QString digits = QString::number(std::abs(*value), 'f', decimals);
    return (*value > 0 ? QStringLiteral("+") : QStringLiteral("−")) + digits;
}

QString LineageDiagramBuilder::figuresLine(const LineageDiagram::Line& line)
{
    if (!line.hasFigures())
        return {};
    return QStringLiteral("%1 · risk %2")
        .arg(signedFigure(line.performanceImprovement), signedFigure(line.riskChange));
}

QSizeF LineageDiagramBuilder::labelSize(const LineageDiagram::Line& line)
{
    return Measure().label(line);
}

LineageDiagram LineageDiagramBuilder::build(const LineageGraph& graph)
{
    LineageDiagram d;
    Measure measure;
    const QList<StrategyRecord>& strategies = graph.strategies();
    const double chrome = 2 * LineageStyle::padding + LineageStyle::statusBand;
    for (int i = 0; i < strategies.size(); ++i) {
        const StrategyRecord& s = strategies.at(i);
        const double width = std::max({LineageStyle::minimumWidth,
                                       measure.name(s.name) + chrome + (s.problems.isEmpty() ? 0 : 16),
                                       measure.detail(detailLine(s)) + chrome});
        d.boxOfStrategy << static_cast<int>(d.boxes.size());
        d.boxes.append({i, QString(),
                        QSizeF(std::ceil(width), LineageStyle::nameHeight + LineageStyle::detailHeight + 4)});
    }

    QHash<QString, int> missingBoxes;
    const auto missingBox = [&](const QString& id) {
        auto found = missingBoxes.constFind(id);
        if (found != missingBoxes.cend())
            return *found;
        const double width = std::max({LineageStyle::minimumWidth, measure.name(id) + chrome,
                                       measure.detail(QStringLiteral("not in strategy_registry")) + chrome});
        const int box = static_cast<int>(d.boxes.size());
        d.boxes.append(
            {-1, id, QSizeF(std::ceil(width), LineageStyle::nameHeight + LineageStyle::detailHeight + 4)});
        missingBoxes.insert(id, box);
        return box;
    };

    // The direct rows' figures, by the pair of strategies they link.
    QHash<QPair<QString, QString>, const LineageEdge*> directRows;
    for (const LineageEdge& e : graph.edges())
        if (e.generationDistance == 1 && !directRows.contains({e.ancestorId, e.descendantId}))
            directRows.insert({e.ancestorId, e.descendantId}, &e);

    const QList<LineageGraph::Link>& links = graph.links();
    for (int l = 0; l < links.size(); ++l) {
        const LineageGraph::Link& link = links.at(l);
        LineageDiagram::Line line;
        line.link = l;
        line.from = d.boxOfStrategy.at(link.parent);
        line.to = d.boxOfStrategy.at(link.child);
        line.relationship = link.relationshipType;
        line.inCycle = link.inCycle;
        if (link.inCycle)
            line.problems << QStringLiteral("closes a cycle");
        if (const LineageEdge* row = directRows.value(
                {strategies.at(link.parent).strategyId, strategies.at(link.child).strategyId})) {
            line.performanceImprovement = row->performanceImprovement;
            line.riskChange = row->riskChange;
        }
        d.lines.append(line);
    }
    // Direct rows and registry references to a strategy that is not there: a line to a marked box.
    QSet<QPair<int, int>> drawn;
    for (const LineageEdge& e : graph.edges()) {
        const int a = graph.indexOf(e.ancestorId);
        const int c = graph.indexOf(e.descendantId);
        if (e.generationDistance != 1 || (a < 0) == (c < 0))
            continue;
        const int from = a < 0 ? missingBox(e.ancestorId) : d.boxOfStrategy.at(a);
        const int to = c < 0 ? missingBox(e.descendantId) : d.boxOfStrategy.at(c);
        if (drawn.contains({from, to}))
            continue;
        drawn.insert({from, to});
        d.lines.append({-1, from, to, e.relationshipType, false, true, e.problems, e.performanceImprovement,
                        e.riskChange});
    }
    for (int i = 0; i < strategies.size(); ++i) {
        const StrategyRecord& s = strategies.at(i);
        for (const auto& [id, type] : {std::pair{s.parentId, QStringLiteral("parent")},
                                       std::pair{s.mergeSource, QStringLiteral("merge")}}) {
            if (id.isEmpty() || graph.indexOf(id) >= 0)
                continue;
            const int from = missingBox(id);
            const int to = d.boxOfStrategy.at(i);
            if (drawn.contains({from, to}))
                continue;
            drawn.insert({from, to});
            d.lines.append({-1,
                            from,
                            to,
                            type,
                            false,
                            true,
                            {QStringLiteral("%1 %2 is not in strategy_registry").arg(type, id)},
                            std::nullopt,
                            std::nullopt});
        }
    }

    LayoutGraph& g = d.layout;
    g.settings.rankdir = QStringLiteral("LR");
    g.settings.nodesep = 14;
    g.settings.ranksep = 48;
    // A small lineage is one picture whose generations line up in columns across families, with room made
    // for every label. A big one is laid out family by family and packed, which is several times faster;
    // Graphviz does not move edge labels with packed families, so there the labels sit on their lines.
    const bool labelled = d.lines.size() <= labelledLayoutLimit;
    g.settings.packComponents = !labelled;
    for (int b = 0; b < d.boxes.size(); ++b) {
        LayoutNode node;
        node.id = boxId(b);
        node.width = d.boxes.at(b).size.width();
        node.height = d.boxes.at(b).size.height();
        g.nodes.append(node);
    }
    for (const LineageDiagram::Line& line : std::as_const(d.lines)) {
        LayoutEdge edge;
        edge.from = boxId(line.from);
        edge.to = boxId(line.to);
        if (labelled && !line.relationship.isEmpty())
            edge.labelSize = measure.label(line);
        g.edges.append(edge);
    }
    return d;
}

} // namespace strata
