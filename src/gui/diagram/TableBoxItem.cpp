#include "diagram/TableBoxItem.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "diagram/DiagramStyle.h"
#include "diagram/ErDiagramScene.h"

namespace strata {

TableBoxItem::TableBoxItem(ErTable table, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_table(std::move(table))
{
    setFlag(ItemIsSelectable);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: paint only the rows in view
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QStringLiteral("%1.%2: %3 columns. Click to open the table.")
                   .arg(m_table.schema, m_table.name)
                   .arg(m_table.columns.size()));
    setZValue(1); // above the lines that end on it
}

void TableBoxItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QPointF TableBoxItem::rowCentre(const QString& column) const
{
    int row = 0;
    for (int i = 0; i < m_table.columns.size(); ++i)
        if (m_table.columns[i].name == column)
            row = i + 1;
    return mapToScene(QPointF(m_table.width / 2, (row + 0.5) * DiagramStyle::rowHeight));
}

QRectF TableBoxItem::boundingRect() const
{
    return QRectF(0, 0, m_table.width, m_table.height).adjusted(-3, -3, 3, 3);
}

void TableBoxItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QRectF box(0, 0, m_table.width, m_table.height);
    const double row = DiagramStyle::rowHeight;
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath outline;
    outline.addRoundedRect(box, DiagramStyle::cornerRadius, DiagramStyle::cornerRadius);

    // A soft shadow, then the body, then the header clipped to the rounded outline.
    painter->fillPath(outline.translated(1.5, 2), DiagramStyle::shadow());
    painter->fillPath(outline, DiagramStyle::body());
    painter->save();
    painter->setClipPath(outline);
    painter->fillRect(QRectF(0, 0, box.width(), row), DiagramStyle::header());
    // Only the rows the view shows are painted: a 300-column table costs nothing off screen.
    const QRectF exposed = option->exposedRect;
    const int first = std::max(0, static_cast<int>(exposed.top() / row) - 1);
    const int last =
        std::min<int>(static_cast<int>(m_table.columns.size()), static_cast<int>(exposed.bottom() / row) + 1);
    for (int i = first; i < last; ++i)
        paintRow(painter, i, m_table.columns[i]);
    painter->restore();

    painter->setFont(DiagramStyle::headerFont());
    painter->setPen(DiagramStyle::headerText());
    painter->drawText(QRectF(DiagramStyle::padding, 0, box.width() - 2 * DiagramStyle::padding, row),
                      Qt::AlignVCenter | Qt::AlignLeft, m_table.name);
    if (m_table.columns.isEmpty()) {
        painter->setFont(DiagramStyle::columnFont());
        painter->setPen(DiagramStyle::typeText());
        painter->drawText(QRectF(0, row, box.width(), row), Qt::AlignCenter, QStringLiteral("(no columns)"));
    }

    const bool accent = m_highlighted || isSelected() || m_hovered;
    painter->setPen(QPen(accent ? DiagramStyle::accent() : DiagramStyle::border(), accent ? 2.2 : 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline);
}

void TableBoxItem::paintRow(QPainter* painter, int index, const ErColumn& column) const
{
    const double row = DiagramStyle::rowHeight;
    const QRectF line(0, (index + 1) * row, m_table.width, row);
    if (index % 2 == 1)
        painter->fillRect(line, DiagramStyle::stripe());
    if (column.primaryKey || column.foreignKey) {
        const bool pk = column.primaryKey;
        const QRectF badge(5, line.top() + 4.5, 18, row - 9);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pk ? DiagramStyle::primaryKey() : DiagramStyle::foreignKey());
        painter->drawRoundedRect(badge, 2.5, 2.5);
        painter->setFont(DiagramStyle::markFont());
        painter->setPen(DiagramStyle::markText());
        painter->drawText(badge, Qt::AlignCenter, pk ? QStringLiteral("PK") : QStringLiteral("FK"));
    }
    QFont name = DiagramStyle::columnFont();
    name.setBold(column.primaryKey);
    painter->setFont(name);
    painter->setPen(column.foreignKey ? DiagramStyle::foreignKey() : DiagramStyle::columnText());
    const QRectF text = line.adjusted(DiagramStyle::markWidth, 0, -DiagramStyle::padding, 0);
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, column.name);
    painter->setFont(DiagramStyle::columnFont());
    painter->setPen(DiagramStyle::typeText());
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignRight, column.type);
}

void TableBoxItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mousePressEvent(event);
    event->accept(); // the release comes here, and the view does not start panning
}

void TableBoxItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && contains(event->pos()))
        if (auto* diagram = qobject_cast<ErDiagramScene*>(scene()))
            diagram->activate(*this);
}

void TableBoxItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void TableBoxItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace strata
