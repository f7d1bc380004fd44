#include "common/DiagramView.h"

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QResizeEvent>
#include <QWheelEvent>

namespace strata {

namespace {
constexpr double step = 1.25;
constexpr double fitPadding = 12; ///< scene units kept around what fitRect() shows
} // namespace

DiagramView::DiagramView(Wheel wheel, double minimumZoom, double readableZoom, QWidget* parent)
    : QGraphicsView(parent), m_wheel(wheel), m_minimumZoom(minimumZoom), m_readableZoom(readableZoom)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setFrameShape(QFrame::NoFrame);
}

double DiagramView::zoom() const
{
    return transform().m11();
}

void DiagramView::setZoom(double factor)
{
    const double bounded = std::clamp(factor, m_minimumZoom, maximumZoom);
    if (qFuzzyCompare(bounded, zoom()))
        return;
    setTransform(QTransform::fromScale(bounded, bounded));
    Q_EMIT zoomChanged(bounded);
}

void DiagramView::zoomAroundCentre(double factor)
{
    // The buttons zoom around the middle of the window, the wheel around the pointer.
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setZoom(zoom() * factor);
    setTransformationAnchor(anchor);
}

void DiagramView::zoomIn()
{
    m_opening = {};
    zoomAroundCentre(step);
}

void DiagramView::zoomOut()
{
    m_opening = {};
    zoomAroundCentre(1 / step);
}

void DiagramView::resetZoom()
{
    m_opening = {};
    zoomAroundCentre(1.0 / zoom());
}

void DiagramView::fitAll()
{
    if (scene())
        fitRect(scene()->sceneRect());
}

void DiagramView::fitRect(const QRectF& rect)
{
    m_opening = {};
    const QSizeF room = viewport()->size();
    if (rect.isEmpty() || room.isEmpty())
        return;
    const QRectF padded = rect.adjusted(-fitPadding, -fitPadding, fitPadding, fitPadding);
    setZoom(std::min({room.width() / padded.width(), room.height() / padded.height(), 1.0}));
    centerOn(padded.center());
}

void DiagramView::openAt(const QRectF& rect)
{
    m_opening = rect;
    applyOpening();
}

void DiagramView::applyOpening()
{
    const QSizeF room = viewport()->size();
    if (m_opening.isEmpty() || room.isEmpty())
        return;
    const QRectF padded = m_opening.adjusted(-fitPadding, -fitPadding, fitPadding, fitPadding);
    const double fits = std::min({room.width() / padded.width(), room.height() / padded.height(), 1.0});
    setZoom(std::max(fits, legibleZoom));
    if (fits >= legibleZoom) {
        centerOn(padded.center());
        return;
    }
    // Too big to read whole: its top-left corner, where the operator starts reading, then scrolls.
    const QSizeF shown(room.width() / zoom(), room.height() / zoom());
    centerOn(QPointF(padded.left() + std::min(shown.width(), padded.width()) / 2,
                     padded.top() + std::min(shown.height(), padded.height()) / 2));
}

void DiagramView::reveal(const QRectF& rect)
{
    m_opening = {};
    const QSizeF room = viewport()->size();
    if (rect.width() * zoom() > room.width() || rect.height() * zoom() > room.height())
        setZoom(std::min(room.width() / rect.width(), room.height() / rect.height()) * 0.9);
    else if (zoom() < m_readableZoom)
        setZoom(m_readableZoom);
    centerOn(rect.center());
}

void DiagramView::wheelEvent(QWheelEvent* event)
{
    m_opening = {}; // the operator zooms or scrolls: a resize no longer moves what they look at
    const double notches = event->angleDelta().y() / 120.0;
    const bool zooms = m_wheel == Wheel::Zooms ? !(event->modifiers() & Qt::ShiftModifier)
                                               : bool(event->modifiers() & Qt::ControlModifier);
    if (notches == 0 || !zooms) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    setZoom(zoom() * std::pow(step, notches));
    event->accept();
}

void DiagramView::mousePressEvent(QMouseEvent* event)
{
    m_opening = {}; // the operator pans or clicks: a resize no longer moves what they look at
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    applyOpening();
}

} // namespace strata
