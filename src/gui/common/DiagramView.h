#pragma once

#include <QGraphicsView>

namespace strata {

/// A diagram laid out by Graphviz, as operators move around it: dragging the background pans, the wheel
/// (or Ctrl+wheel) zooms around the pointer, the buttons zoom around the middle, and fit shows all of it
/// (never enlarged beyond 100%). A diagram opens fitted to the window but never smaller than legibleZoom:
/// a big one opens at its top-left corner, readable, and the operator scrolls. The ER diagram and the
/// strategy lineage are shown in one.
class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    enum class Wheel {
        Zooms,     ///< the wheel zooms; Shift+wheel scrolls
        CtrlZooms, ///< Ctrl+wheel zooms; the wheel alone scrolls, as everywhere else
    };

    static constexpr double maximumZoom = 6.0;
    /// The smallest zoom at which a diagram opens: its names stay readable on a 1024x700 screen.
    static constexpr double legibleZoom = 0.75;

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
    /// How a diagram opens: `rect` fitted to the window when that keeps it at legibleZoom or more, else at
    /// legibleZoom with its top-left corner shown. Until the operator zooms or pans, a resize of the window
    /// (the page shown for the first time) opens it again at the new size.
    void openAt(const QRectF& rect);
    /// Scrolls to a scene rectangle (something found) without changing the zoom, unless it does not fit or
    /// would be too small to read.
    void reveal(const QRectF& rect);

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void zoomAroundCentre(double factor);
    void applyOpening();

    Wheel m_wheel;
    double m_minimumZoom;
    double m_readableZoom;
    QRectF m_opening; ///< what openAt() shows until the operator moves; null once they have
};

} // namespace strata
