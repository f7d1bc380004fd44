#include "diagram/ErDiagramScene.h"

#include <optional>

#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>
#include <QThread>

#include "diagram/DiagramStyle.h"
#include "diagram/ErDiagramBuilder.h"
#include "diagram/RelationItem.h"
#include "diagram/TableBoxItem.h"
#include "layout/GraphLayout.h"
#include "theme/Theme.h"

namespace strata {

ErDiagramScene::ErDiagramScene(QObject* parent) : QGraphicsScene(parent)
{
    setBackgroundBrush(DiagramStyle::background());
    connect(this, &QGraphicsScene::selectionChanged, this, &ErDiagramScene::emphasiseSelection);
    connect(&Theme::instance(), &Theme::changed, this, &ErDiagramScene::restyle);
}

ErDiagramScene::~ErDiagramScene()
{
    disconnect(this, &QGraphicsScene::selectionChanged, this, &ErDiagramScene::emphasiseSelection);
    clearDiagram();
    // Graphviz cannot be interrupted: a layout still running is waited for, only when the diagram closes.
    for (const QPointer<QThread>& worker : m_workers)
        if (worker)
            worker->wait();
}

void ErDiagramScene::setSnapshot(const SchemaSnapshot& snapshot)
{
    const int generation = ++m_generation;
    clearDiagram();
    m_diagram = ErDiagramBuilder::build(snapshot);
    if (m_diagram.tables.isEmpty()) {
        m_layingOut = false;
        showMessage(tr("This database has no tables to draw."));
        Q_EMIT laidOut(0, 0, 0);
        return;
    }
    m_layingOut = true;
    showMessage(m_diagram.tables.size() == 1 ? tr("Laying out 1 table…")
                                             : tr("Laying out %1 tables…").arg(m_diagram.tables.size()));
    Q_EMIT layoutStarted(static_cast<int>(m_diagram.tables.size()));

    auto result = std::make_shared<std::optional<Result<GraphPlacement>>>();
    QThread* worker =
        QThread::create([graph = m_diagram.graph, result] { *result = GraphLayout::place(graph); });
    worker->setObjectName(QStringLiteral("ER diagram layout"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, generation, result] {
        if (generation != m_generation || !result->has_value())
            return; // a later snapshot took over
        m_layingOut = false;
        const Result<GraphPlacement>& placed = **result;
        if (!placed) {
            clearDiagram();
            showMessage(tr("The diagram could not be laid out."));
            Q_EMIT layoutFailed(placed.error());
            return;
        }
        place(*placed);
        Q_EMIT laidOut(static_cast<int>(m_diagram.tables.size()),
                       static_cast<int>(m_diagram.relations.size()), placed->milliseconds);
    });
    m_workers.removeAll(nullptr);
    m_workers.append(worker);
    worker->start();
}

void ErDiagramScene::place(const GraphPlacement& placement)
{
    clearDiagram();
    for (const PlacedCluster& cluster : placement.clusters) {
        auto* frame = addRect(cluster.rect, QPen(DiagramStyle::clusterBorder(), 1, Qt::DashLine),
                              DiagramStyle::clusterFill());
        frame->setZValue(-1);
        auto* label = addSimpleText(cluster.label, DiagramStyle::clusterFont());
        label->setBrush(DiagramStyle::clusterText());
        label->setPos(cluster.rect.left() + 8,
                      cluster.labelRect.center().y() - label->boundingRect().height() / 2);
        label->setZValue(-1);
    }
    QHash<QString, QRectF> boxes; // each table's box as placed, by ErTable::id()
    for (int i = 0; i < m_diagram.tables.size() && i < placement.nodes.size(); ++i) {
        auto* item = new TableBoxItem(m_diagram.tables[i]);
        item->setPos(placement.nodes[i].rect.topLeft());
        addItem(item);
        m_tables.insert(m_diagram.tables[i].id(), item);
        boxes.insert(m_diagram.tables[i].id(), placement.nodes[i].rect);
    }
    for (int i = 0; i < m_diagram.relations.size() && i < placement.edges.size(); ++i) {
        const ErRelation& relation = m_diagram.relations[i];
        PlacedEdge route = placement.edges[i];
        // Graphviz routes a table's key to itself without its ports: the loop is drawn from row to row here.
        if (TableBoxItem* box = m_tables.value(relation.child); box && relation.child == relation.parent)
            route = RelationItem::selfLoop(
                boxes.value(relation.child), box->rowCentre(relation.referencedColumns.value(0)).y(),
                box->rowCentre(relation.columns.value(0)).y(), route.labelRect.size());
        auto* item = new RelationItem(relation, route);
        addItem(item);
        m_relations.append(item);
    }
    const double m = DiagramStyle::margin;
    setSceneRect(placement.bounds.united(itemsBoundingRect()).adjusted(-m, -m, m, m));
}

void ErDiagramScene::showMessage(const QString& text)
{
    QFont font = DiagramStyle::headerFont();
    font.setPixelSize(15);
    auto* message = addSimpleText(text, font);
    message->setBrush(DiagramStyle::clusterText());
    setSceneRect(message->boundingRect().adjusted(-40, -40, 40, 40));
}

void ErDiagramScene::restyle()
{
    // The boxes and lines read their colours as they paint; the canvas, the schema frames and the texts
    // placed here were given theirs when they were made.
    setBackgroundBrush(DiagramStyle::background());
    for (QGraphicsItem* item : items()) {
        if (auto* frame = qgraphicsitem_cast<QGraphicsRectItem*>(item)) {
            frame->setPen(QPen(DiagramStyle::clusterBorder(), 1, Qt::DashLine));
            frame->setBrush(DiagramStyle::clusterFill());
        } else if (auto* text = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(item)) {
            text->setBrush(DiagramStyle::clusterText());
        }
    }
    update();
}

void ErDiagramScene::clearDiagram()
{
    m_tables.clear();
    m_relations.clear();
    clear();
}

TableBoxItem* ErDiagramScene::tableItem(const QString& schema, const QString& table) const
{
    return m_tables.value(schema + QLatin1Char('.') + table);
}

QList<TableBoxItem*> ErDiagramScene::tableItems() const
{
    QList<TableBoxItem*> items;
    for (const ErTable& table : m_diagram.tables)
        if (TableBoxItem* item = m_tables.value(table.id()))
            items.append(item);
    return items;
}

QList<TableBoxItem*> ErDiagramScene::highlight(const QString& text)
{
    const QString wanted = text.trimmed();
    QList<TableBoxItem*> matches;
    for (TableBoxItem* item : tableItems()) {
        const bool match = !wanted.isEmpty() && item->table().name.contains(wanted, Qt::CaseInsensitive);
        item->setHighlighted(match);
        if (match)
            matches.append(item);
    }
    emphasiseSelection();
    return matches;
}

QString ErDiagramScene::summary() const
{
    const qsizetype tables = m_diagram.tables.size();
    const qsizetype keys = m_diagram.relations.size();
    QString text = (tables == 1 ? tr("1 table") : tr("%1 tables").arg(tables)) + QStringLiteral(", ") +
                   (keys == 1 ? tr("1 foreign key") : tr("%1 foreign keys").arg(keys));
    if (!m_diagram.unresolved.isEmpty())
        text += QStringLiteral("; ") +
                tr("%1 to tables outside the diagram not drawn").arg(m_diagram.unresolved.size());
    return text;
}

void ErDiagramScene::activate(const TableBoxItem& item)
{
    Q_EMIT tableActivated(item.table().schema, item.table().name);
}

void ErDiagramScene::emphasiseSelection()
{
    QSet<QString> marked;
    for (TableBoxItem* item : tableItems())
        if (item->isSelected() || item->isHighlighted())
            marked.insert(item->table().id());
    for (RelationItem* relation : m_relations)
        relation->setEmphasised(marked.contains(relation->relation().parent) ||
                                marked.contains(relation->relation().child));
}

} // namespace strata
