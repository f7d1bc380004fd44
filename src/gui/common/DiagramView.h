#pragma once

#include <QGraphicsView>

namespace strata {

/// A diagram laid out by Graphviz, as operators move around it: dragging the background pans, the wheel
/// (or Ctrl+wheel) zooms around the pointer, the buttons zoom around the middle, and fit shows all of it
/// (never enlarged beyond 100%). The ER diagram and the strategy lineage are shown in one.
class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    enum class Wheel {
        Zooms,     ///< the wheel zooms; Shift+wheel scrolls
        CtrlZooms, ///< Ctrl+wheel zooms; the wheel alone scrolls, as everywhere else
    };

    static constexpr double maximumZoom = 6.0;

    /// `minimumZoom` bounds zooming out; reveal() shows what it is given at least at `readableZoom`.
    DiagramView(Wheel wheel, double minimumZoom, double readableZoom, QWidget* parent = nullptr);

    double zoom() const;
    void setZoom(double factor);
    double minimumZoom() const { return m_minimumZoom; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// The whole scene in the window.
    void fitAll();
    /// `rect` (scene coordinates) in the window, never enlarged beyond 100%.
    void fitRect(const QRectF& rect);
    /// Scrolls to a scene rectangle (something found) without changing the zoom, unless it does not fit or
    /// would be too small to read.
    void reveal(const QRectF& rect);

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;

private:
    void zoomAroundCentre(double factor);

    Wheel m_wheel;
    double m_minimumZoom;
    double m_readableZoom;
};

} // namespace strata
