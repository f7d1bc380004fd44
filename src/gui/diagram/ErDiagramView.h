#pragma once

#include <QGraphicsView>

namespace strata {

/// Shows an ER diagram: Ctrl+wheel zooms around the pointer, dragging the background pans, and fit shows
/// the whole schema. The wheel alone scrolls, as everywhere else.
class ErDiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit ErDiagramView(QWidget* parent = nullptr);

    static constexpr double minimumZoom = 0.05;
    static constexpr double maximumZoom = 6.0;

    double zoom() const;
    void setZoom(double factor);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// The whole diagram in the window (never enlarged beyond 100%).
    void fitDiagram();
    /// Scrolls to a scene rectangle (a found table) without changing the zoom, unless it does not fit.
    void reveal(const QRectF& rect);

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;

private:
    void zoomBy(double factor);
};

} // namespace strata
