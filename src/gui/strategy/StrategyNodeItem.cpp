#include "strategy/StrategyNodeItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "strategy/LineageDiagramBuilder.h"
#include "strategy/LineageStyle.h"
#include "strategy/StrategyRecord.h"

namespace strata {

StrategyNodeItem::StrategyNodeItem(const StrategyRecord& strategy, int index, QSizeF size,
                                   QGraphicsItem* parent)
    : QGraphicsItem(parent), m_index(index), m_strategyId(strategy.strategyId), m_name(strategy.name),
      m_detail(LineageDiagramBuilder::detailLine(strategy)), m_status(strategy.status), m_size(size),
      m_problems(static_cast<int>(strategy.problems.size())),
      m_marked(!strategy.status || !strategy.problems.isEmpty())
{
    QStringList tip{QStringLiteral("<b>%1</b> %2<br>%3")
                        .arg(m_name.toHtmlEscaped(), m_detail.toHtmlEscaped(), m_strategyId.toHtmlEscaped())};
    if (!strategy.description.isEmpty())
        tip << strategy.description.toHtmlEscaped();
    for (const QString& problem : strategy.problems)
        tip << QStringLiteral("<span style='color:%1'>⚠ %2</span>")
                   .arg(LineageStyle::problem().name(), problem.toHtmlEscaped());
    setToolTip(tip.join(QStringLiteral("<br>")));
    setUp();
}

StrategyNodeItem::StrategyNodeItem(const QString& missingId, QSizeF size, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_strategyId(missingId), m_name(missingId),
      m_detail(QStringLiteral("not in strategy_registry")), m_size(size), m_problems(1), m_marked(true)
{
    setToolTip(
        QStringLiteral("%1 is named by the lineage but is not in strategy_registry: the rows that point "
                       "at it are listed among the problems.")
            .arg(missingId));
    setUp();
}

void StrategyNodeItem::setUp()
{
    setFlag(ItemIsSelectable, !isMissing());
    setAcceptHoverEvents(true);
    setCursor(isMissing() ? Qt::ArrowCursor : Qt::PointingHandCursor);
    setZValue(1);
}

QColor StrategyNodeItem::bandColour() const
{
    return isMissing() ? LineageStyle::problem() : LineageStyle::statusColour(m_status);
}

void StrategyNodeItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void StrategyNodeItem::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    setOpacity(dimmed ? LineageStyle::dimmedOpacity : 1.0);
}

QRectF StrategyNodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-3, -3, 3, 3);
}

void StrategyNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QRectF box(QPointF(0, 0), m_size);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const double r = LineageStyle::cornerRadius;
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);

    QColor edge = m_marked ? LineageStyle::problem() : LineageStyle::border();
    double width = m_marked ? 1.4 : 1.0;
    if (isSelected() || m_highlighted || m_hovered) {
        edge = LineageStyle::accent();
        width = isSelected() ? 3.0 : 2.2;
    }
    QPen pen(edge, width);
    if (isMissing())
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(isMissing() ? LineageStyle::problemFill() : LineageStyle::body());
    painter->drawRoundedRect(box, r, r);
    if (lod < 0.25)
        return; // too small to read: the box and its colour say enough

    // The status band down the left; an unknown status is hatched in the problem colour.
    const QRectF band(box.left(), box.top(), LineageStyle::statusBand, box.height());
    painter->setPen(Qt::NoPen);
    painter->setBrush(bandColour());
    painter->drawRoundedRect(band, r, r);
    if (!m_status && !isMissing()) {
        painter->setBrush(QBrush(Qt::white, Qt::BDiagPattern));
        painter->drawRect(band);
    }

    const double left = LineageStyle::statusBand + LineageStyle::padding;
    const QRectF nameRect(left, 3, box.width() - left - LineageStyle::padding, LineageStyle::nameHeight);
    const QRectF detailRect(left, 3 + LineageStyle::nameHeight, nameRect.width(), LineageStyle::detailHeight);
    painter->setFont(LineageStyle::nameFont());
    painter->setPen(isMissing() ? LineageStyle::problem() : LineageStyle::nameText());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_name, Qt::ElideRight,
                                                        int(nameRect.width()) - (m_problems > 0 ? 14 : 0)));
    painter->setFont(LineageStyle::detailFont());
    painter->setPen(m_marked ? LineageStyle::problem() : LineageStyle::detailText());
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter, m_detail);

    if (m_problems > 0 && !isMissing()) {
        // A badge in the top right corner: this row has problems (listed in the tooltip and the details).
        const QRectF badge(box.right() - 15, 4, 11, 11);
        painter->setPen(Qt::NoPen);
        painter->setBrush(LineageStyle::problem());
        painter->drawEllipse(badge);
        QFont mark = LineageStyle::labelFont();
        mark.setBold(true);
        painter->setFont(mark);
        painter->setPen(LineageStyle::badgeText());
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
    }
}

void StrategyNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void StrategyNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace strata
