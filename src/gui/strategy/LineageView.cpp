#include "strategy/LineageView.h"

#include <cmath>

#include <QWheelEvent>

namespace strata {

namespace {
constexpr double step = 1.25;
constexpr double readableZoom = 0.6; ///< a found strategy is shown at least this big
} // namespace

LineageView::LineageView(QWidget* parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setFrameShape(QFrame::NoFrame);
}

double LineageView::zoom() const
{
    return transform().m11();
}

void LineageView::setZoom(double factor)
{
    const double bounded = std::clamp(factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(bounded, zoom()))
        return;
    setTransform(QTransform::fromScale(bounded, bounded));
    Q_EMIT zoomChanged(bounded);
}

void LineageView::zoomAroundCentre(double factor)
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(
        AnchorViewCenter); // the buttons zoom around the middle, the wheel around the pointer
    setZoom(zoom() * factor);
    setTransformationAnchor(anchor);
}

void LineageView::zoomIn()
{
    zoomAroundCentre(step);
}

void LineageView::zoomOut()
{
    zoomAroundCentre(1 / step);
}

void LineageView::resetZoom()
{
    zoomAroundCentre(1.0 / zoom());
}

void LineageView::fitLineage()
{
    if (scene())
        fitRect(scene()->sceneRect());
}

void LineageView::fitRect(const QRectF& rect)
{
    const QSizeF room = viewport()->size();
    if (rect.isEmpty() || room.isEmpty())
        return;
    const QRectF padded = rect.adjusted(-12, -12, 12, 12);
    setZoom(std::min({room.width() / padded.width(), room.height() / padded.height(), 1.0}));
    centerOn(padded.center());
}

void LineageView::reveal(const QRectF& rect)
{
    const QSizeF room = viewport()->size();
    if (rect.width() * zoom() > room.width() || rect.height() * zoom() > room.height())
        setZoom(std::min(room.width() / rect.width(), room.height() / rect.height()) * 0.9);
    else if (zoom() < readableZoom)
        setZoom(readableZoom);
    centerOn(rect.center());
}

void LineageView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0 || (event->modifiers() & Qt::ShiftModifier)) {
        QGraphicsView::wheelEvent(event); // Shift+wheel (and a sideways wheel) scroll
        return;
    }
    setZoom(zoom() * std::pow(step, notches));
    event->accept();
}

} // namespace strata
