#pragma once

#include <QGraphicsView>

namespace strata {

/// Shows the strategy lineage: the wheel zooms around the pointer, dragging the background pans, and fit
/// shows the whole lineage (or the focused part of it).
class LineageView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit LineageView(QWidget* parent = nullptr);

    static constexpr double minimumZoom = 0.02;
    static constexpr double maximumZoom = 6.0;

    double zoom() const;
    void setZoom(double factor);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// The whole lineage in the window (never enlarged beyond 100%).
    void fitLineage();
    /// `rect` (scene coordinates) in the window, never enlarged beyond 100%.
    void fitRect(const QRectF& rect);
    /// Scrolls to a scene rectangle (a found strategy) without changing the zoom, unless it does not fit or
    /// would be too small to read.
    void reveal(const QRectF& rect);

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;

private:
    void zoomAroundCentre(double factor);
};

} // namespace strata
