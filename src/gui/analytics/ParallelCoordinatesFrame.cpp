#include "analytics/ParallelCoordinatesFrame.h"

#include <algorithm>

#include <QFontMetricsF>
#include <QPainter>

#include "analytics/FamilyTableModel.h"
#include "strategy/ChartStyle.h"

namespace strata {

namespace {

QString frameAxisValue(const ParallelCoordinatesAxis& axis, double value)
{
    if (axis.isResult)
        return FamilyTableModel::formatResult(axis.key, value);
    return QString::number(value, 'g', 4);
}

} // namespace

void ParallelCoordinatesFrame::paintAxes(QPainter& painter, const QList<ParallelCoordinatesAxis>& axes,
                                         const QRectF& area, double height)
{
    const auto axisX = [&](int axis) {
        return axes.size() < 2 ? area.center().x()
                               : area.left() + area.width() * axis / double(axes.size() - 1);
    };
    const double spacing = axes.size() > 1 ? area.width() / double(axes.size() - 1) : area.width();
    QFont title = chartstyle::tickFont();
    title.setBold(true);
    const QFont ticks = chartstyle::tickFont();
    const QFontMetricsF titleMetrics(title);
    const QFontMetricsF tickMetrics(ticks);
    // The results' axes on a faint band of their own, apart from the parameters'.
    int firstResult = 0;
    while (firstResult < axes.size() && !axes.at(firstResult).isResult)
        ++firstResult;
    if (firstResult < axes.size()) {
        const double from = axisX(firstResult) - spacing / 2;
        QColor band = chartstyle::gridColour();
        band.setAlpha(90);
        painter.fillRect(QRectF(from, 2, area.right() + spacing / 2 - from, height - 4), band);
    }
    // Titles too wide for the room between two axes take two rows, every other axis on the lower one.
    bool staggered = false;
    for (const ParallelCoordinatesAxis& axis : axes)
        staggered = staggered || titleMetrics.horizontalAdvance(axis.title) > spacing - 6;
    for (int a = 0; a < axes.size(); ++a) {
        const ParallelCoordinatesAxis& axis = axes.at(a);
        const double x = axisX(a);
        painter.setPen(QPen(chartstyle::referenceColour(), 1.2));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        const double room = std::max(24.0, spacing - 6);
        const double titleRoom = staggered ? std::max(24.0, 2 * spacing - 8) : room;
        const double titleTop = staggered && a % 2 == 1 ? 4 + titleMetrics.height() : 4;
        painter.setFont(title);
        painter.setPen(chartstyle::textColour());
        const QString name = titleMetrics.elidedText(axis.title, Qt::ElideMiddle, titleRoom);
        painter.drawText(QRectF(x - titleRoom / 2, titleTop, titleRoom, titleMetrics.height()),
                         Qt::AlignCenter, name);
        painter.setFont(ticks);
        const QString top =
            axis.categories.isEmpty() ? frameAxisValue(axis, axis.high) : axis.categories.last();
        const QString bottom =
            axis.categories.isEmpty() ? frameAxisValue(axis, axis.low) : axis.categories.first();
        painter.drawText(
            QRectF(x - room / 2, area.top() - tickMetrics.height() - 4, room, tickMetrics.height()),
            Qt::AlignCenter, tickMetrics.elidedText(top, Qt::ElideRight, room));
        painter.drawText(QRectF(x - room / 2, area.bottom() + 4, room, tickMetrics.height()), Qt::AlignCenter,
                         tickMetrics.elidedText(bottom, Qt::ElideRight, room));
    }
}

} // namespace strata
