#include "strategy/LineageScene.h"

#include <memory>

#include <QGraphicsSimpleTextItem>
#include <QThread>

#include "layout/GraphLayout.h"
#include "strategy/LineageDiagramBuilder.h"
#include "strategy/LineageLinkItem.h"
#include "strategy/LineageStyle.h"
#include "strategy/StrategyNodeItem.h"
#include "theme/Theme.h"

namespace strata {

namespace {

QString counted(qsizetype n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

LineageScene::LineageScene(QObject* parent) : QGraphicsScene(parent)
{
    setBackgroundBrush(LineageStyle::background());
    setItemIndexMethod(BspTreeIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, &LineageScene::onSelectionChanged);
    connect(&Theme::instance(), &Theme::changed, this, &LineageScene::restyle);
}

LineageScene::~LineageScene()
{
    disconnect(this, &QGraphicsScene::selectionChanged, this, &LineageScene::onSelectionChanged);
    clearItems();
    // Graphviz cannot be interrupted: a layout still running is waited for, only when the view closes.
    for (const QPointer<QThread>& worker : m_workers)
        if (worker)
            worker->wait();
}

void LineageScene::setGraph(LineageGraph graph)
{
    const int generation = ++m_generation;
    clearItems();
    m_graph = std::move(graph);
    m_diagram = LineageDiagramBuilder::build(m_graph);
    const int strategies = static_cast<int>(m_graph.strategies().size());
    if (m_diagram.boxes.isEmpty()) {
        m_layingOut = false;
        showMessage(tr("The strategy registry is empty: there is no lineage to draw."));
        Q_EMIT laidOut(0, 0, 0);
        return;
    }
    m_layingOut = true;
    showMessage(
        tr("Laying out %1…").arg(counted(strategies, tr("strategy version"), tr("strategy versions"))));
    Q_EMIT layoutStarted(strategies);

    auto result = std::make_shared<std::optional<Result<GraphPlacement>>>();
    QThread* worker =
        QThread::create([layout = m_diagram.layout, result] { *result = GraphLayout::place(layout); });
    worker->setObjectName(QStringLiteral("lineage layout"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, generation, result] {
        if (generation != m_generation || !result->has_value())
            return; // a later lineage took over
        m_layingOut = false;
        const Result<GraphPlacement>& placed = **result;
        if (!placed) {
            clearItems();
            showMessage(tr("The lineage could not be laid out."));
            Q_EMIT layoutFailed(placed.error());
            return;
        }
        place(*placed);
        Q_EMIT laidOut(static_cast<int>(m_graph.strategies().size()), static_cast<int>(m_links.size()),
                       placed->milliseconds);
    });
    m_workers.removeAll(nullptr);
    m_workers.append(worker);
    worker->start();
}

void LineageScene::clearLineage()
{
    ++m_generation;
    m_layingOut = false;
    clearItems();
    m_graph = LineageGraph();
    m_diagram = LineageDiagram();
}

void LineageScene::place(const GraphPlacement& placement)
{
    clearItems();
    for (int b = 0; b < m_diagram.boxes.size() && b < placement.nodes.size(); ++b) {
        const LineageDiagram::Box& box = m_diagram.boxes.at(b);
        auto* item = box.isMissing() ? new StrategyNodeItem(box.missingId, box.size)
                                     : new StrategyNodeItem(m_graph.strategies().at(box.strategy),
                                                            box.strategy, box.size);
        item->setPos(placement.nodes.at(b).rect.topLeft());
        addItem(item);
        m_nodes.append(item);
    }
    for (int l = 0; l < m_diagram.lines.size() && l < placement.edges.size(); ++l) {
        auto* item = new LineageLinkItem(m_diagram.lines.at(l), placement.edges.at(l));
        addItem(item);
        m_links.append(item);
    }
    const double m = LineageStyle::margin;
    setSceneRect(placement.bounds.adjusted(-m, -m, m, m));
}

void LineageScene::showMessage(const QString& text)
{
    QFont font = LineageStyle::nameFont();
    font.setPixelSize(15);
    auto* message = addSimpleText(text, font);
    message->setBrush(LineageStyle::detailText());
    setSceneRect(message->boundingRect().adjusted(-40, -40, 40, 40));
}

void LineageScene::restyle()
{
    // The boxes and links read their colours as they paint; the canvas and a message were given theirs.
    setBackgroundBrush(LineageStyle::background());
    for (QGraphicsItem* item : items())
        if (auto* text = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(item))
            text->setBrush(LineageStyle::detailText());
    update();
}

void LineageScene::clearItems()
{
    m_nodes.clear();
    m_links.clear();
    m_focus.reset();
    const bool wasSelected = m_selected >= 0;
    m_selected = -1;
    {
        const QSignalBlocker quiet(this);
        clear();
    }
    if (wasSelected)
        Q_EMIT strategySelected(-1);
}

StrategyNodeItem* LineageScene::nodeItem(int strategy) const
{
    if (strategy < 0 || strategy >= m_diagram.boxOfStrategy.size())
        return nullptr;
    return m_nodes.value(m_diagram.boxOfStrategy.at(strategy));
}

StrategyNodeItem* LineageScene::nodeItem(const QString& strategyId) const
{
    return nodeItem(m_graph.indexOf(strategyId));
}

QList<StrategyNodeItem*> LineageScene::highlight(const QString& text)
{
    const QString wanted = text.trimmed();
    QList<StrategyNodeItem*> matches;
    for (StrategyNodeItem* item : std::as_const(m_nodes)) {
        const bool match = !wanted.isEmpty() && (item->name().contains(wanted, Qt::CaseInsensitive) ||
                                                 item->strategyId().contains(wanted, Qt::CaseInsensitive));
        item->setHighlighted(match);
        if (match)
            matches.append(item);
    }
    return matches;
}

void LineageScene::selectStrategy(int strategy)
{
    StrategyNodeItem* item = nodeItem(strategy);
    {
        const QSignalBlocker quiet(this);
        clearSelection();
        if (item)
            item->setSelected(true);
    }
    onSelectionChanged();
}

int LineageScene::selectedStrategy() const
{
    return m_selected;
}

void LineageScene::onSelectionChanged()
{
    int selected = -1;
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == StrategyNodeItem::Type) {
            selected = static_cast<StrategyNodeItem*>(item)->strategyIndex();
            break;
        }
    const int box = selected >= 0 ? m_diagram.boxOfStrategy.at(selected) : -1;
    for (LineageLinkItem* link : std::as_const(m_links))
        link->setEmphasised(box >= 0 && (link->line().from == box || link->line().to == box));
    if (selected == m_selected)
        return;
    m_selected = selected;
    Q_EMIT strategySelected(selected);
}

QSet<int> LineageScene::focusSet(int strategy) const
{
    if (strategy < 0 || strategy >= m_graph.strategies().size())
        return {};
    QSet<int> members{strategy};
    for (int a : m_graph.ancestors(strategy))
        members.insert(a);
    for (int d : m_graph.descendants(strategy))
        members.insert(d);
    return members;
}

void LineageScene::focusOn(int strategy)
{
    const QSet<int> members = focusSet(strategy);
    if (members.isEmpty())
        return;
    m_focus = strategy;
    // A missing strategy stays in full when a line joins it to the focus: it is part of that story.
    QSet<int> keptBoxes;
    for (int s : members)
        keptBoxes.insert(m_diagram.boxOfStrategy.at(s));
    for (const LineageDiagram::Line& line : std::as_const(m_diagram.lines))
        if (line.toMissing && (keptBoxes.contains(line.from) || keptBoxes.contains(line.to))) {
            keptBoxes.insert(line.from);
            keptBoxes.insert(line.to);
        }
    for (int b = 0; b < m_nodes.size(); ++b)
        m_nodes.at(b)->setDimmed(!keptBoxes.contains(b));
    for (LineageLinkItem* link : std::as_const(m_links))
        link->setDimmed(!keptBoxes.contains(link->line().from) || !keptBoxes.contains(link->line().to));
}

void LineageScene::showAll()
{
    m_focus.reset();
    for (StrategyNodeItem* item : std::as_const(m_nodes))
        item->setDimmed(false);
    for (LineageLinkItem* link : std::as_const(m_links))
        link->setDimmed(false);
}

QRectF LineageScene::shownRect() const
{
    QRectF shown;
    for (StrategyNodeItem* item : m_nodes)
        if (!item->isDimmed())
            shown = shown.united(item->sceneBoundingRect());
    return shown.isEmpty() ? sceneRect() : shown;
}

QString LineageScene::summary() const
{
    const int missing = m_diagram.missingCount();
    QString text = counted(m_graph.strategies().size(), tr("strategy version"), tr("strategy versions")) +
                   QStringLiteral(", ") + counted(m_graph.links().size(), tr("link"), tr("links"));
    if (missing > 0)
        text += QStringLiteral(", ") + counted(missing, tr("missing strategy"), tr("missing strategies"));
    if (!m_graph.problems().isEmpty())
        text += QStringLiteral("; ") + counted(m_graph.problems().size(), tr("problem"), tr("problems"));
    return text;
}

} // namespace strata
