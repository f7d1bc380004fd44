#include "diagram/ErDiagramView.h"

#include <QWheelEvent>

namespace strata {

namespace {
constexpr double step = 1.25;
}

ErDiagramView::ErDiagramView(QWidget* parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setFrameShape(QFrame::NoFrame);
}

double ErDiagramView::zoom() const
{
    return transform().m11();
}

void ErDiagramView::setZoom(double factor)
{
    const double bounded = std::clamp(factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(bounded, zoom()))
        return;
    setTransform(QTransform::fromScale(bounded, bounded));
    Q_EMIT zoomChanged(bounded);
}

void ErDiagramView::zoomBy(double factor)
{
    setZoom(zoom() * factor);
}

void ErDiagramView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(
        AnchorViewCenter); // the buttons zoom around the middle, the wheel around the pointer
    zoomBy(step);
    setTransformationAnchor(anchor);
}

void ErDiagramView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(1 / step);
    setTransformationAnchor(anchor);
}

void ErDiagramView::resetZoom()
{
    setZoom(1.0);
}

void ErDiagramView::fitDiagram()
{
    if (!scene())
        return;
    const QRectF whole = scene()->sceneRect();
    const QSizeF room = viewport()->size();
    if (whole.isEmpty() || room.isEmpty())
        return;
    const double factor = std::min({room.width() / whole.width(), room.height() / whole.height(), 1.0});
    setZoom(factor);
    centerOn(whole.center());
}

void ErDiagramView::reveal(const QRectF& rect)
{
    const QSizeF room = viewport()->size();
    if (rect.width() * zoom() > room.width() || rect.height() * zoom() > room.height())
        setZoom(std::min(room.width() / rect.width(), room.height() / rect.height()) * 0.9);
    centerOn(rect.center());
}

void ErDiagramView::wheelEvent(QWheelEvent* event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0)
        zoomBy(std::pow(step, notches));
    event->accept();
}

} // namespace strata
