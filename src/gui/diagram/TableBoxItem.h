#pragma once

#include <QGraphicsItem>

#include "diagram/ErDiagram.h"

namespace strata {

/// A table in the ER diagram: its name on a coloured header, then one row per column with its type and
/// PK/FK marks. One item paints all its rows, so that thousands of tables stay light.
class TableBoxItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 71 };

    explicit TableBoxItem(ErTable table, QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }
    const ErTable& table() const { return m_table; }
    /// Drawn with an accent border (a search match).
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    /// The middle of a column's row, in scene coordinates (the name's row for an unknown column).
    QPointF rowCentre(const QString& column) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void paintRow(QPainter* painter, int index, const ErColumn& column) const;

    ErTable m_table;
    bool m_highlighted = false;
    bool m_hovered = false;
};

} // namespace strata
