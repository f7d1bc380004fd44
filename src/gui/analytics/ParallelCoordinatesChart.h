#pragma once

#include <QImage>
#include <QList>
#include <QStringList>
#include <QWidget>

#include "analytics/FamilyView.h"
#include "analytics/ParallelCoordinatesAxes.h"

namespace strata {

/// Parameters against results for a strategy's family: one vertical axis per parameter that varies in the
/// family, then one per result (Sharpe, CAGR, max drawdown, volatility, win rate), and one line per member
/// through its values, coloured by its Sharpe. The root is drawn thicker, the selected member in the accent
/// colour on top. Hovering a line names the member; clicking it selects it (memberClicked).
class ParallelCoordinatesChart : public QWidget
{
    Q_OBJECT

public:
    /// More varying parameters than this are left to the table (the axes would be too close to read).
    static constexpr int maxParameterAxes = 10;
    /// Up to this many members the lines are antialiased and translucent; above, opaque, best Sharpe on top.
    static constexpr int antialiasedLines = 60;

    using Axis = ParallelCoordinatesAxis;

    explicit ParallelCoordinatesChart(QWidget* parent = nullptr);

    void setFamily(const FamilyView& family);
    const QList<Axis>& axes() const { return m_axes; }
    QStringList axisKeys() const;
    int lineCount() const { return static_cast<int>(m_ids.size()); }
    /// The parameters that vary but got no axis (more than maxParameterAxes).
    int parametersLeftOut() const { return m_leftOut; }

    void setSelectedMember(const QString& strategyId);
    QString selectedMember() const { return m_selected < 0 ? QString() : m_ids.at(m_selected); }
    QString hoveredMember() const { return m_hovered < 0 ? QString() : m_ids.at(m_hovered); }
    /// Where member `strategyId`'s line crosses axis `axis`, in widget coordinates (for a click).
    QPointF pointOf(const QString& strategyId, int axis) const;
    /// The member whose line passes nearest `at`, within a few pixels; empty when none does.
    QString memberAt(const QPointF& at) const;
    /// The colour of a Sharpe ratio on the scale the lines use.
    QColor colourOf(double sharpe) const;

    QSize minimumSizeHint() const override { return {480, 220}; }
    QSize sizeHint() const override { return {900, 340}; }

Q_SIGNALS:
    void memberClicked(const QString& strategyId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF plotArea() const;
    double axisX(int axis) const;
    QPolygonF lineOf(int member) const;
    void paintLegend(QPainter& painter) const;
    void paintLine(QPainter& painter, int member, const QColor& colour, double width) const;
    /// The axes, the legend and every member's thin line but the root's, drawn once into m_cache and
    /// reused while only the emphasised lines change (hover, selection).
    void paintCache();

    QList<Axis> m_axes;
    QStringList m_ids;
    QStringList m_names; ///< "name v1.2"
    QList<double> m_sharpe;
    double m_sharpeLow = 0;
    double m_sharpeHigh = 0;
    int m_root = -1;
    int m_selected = -1;
    int m_hovered = -1;
    int m_leftOut = 0;
    QImage m_cache;
    bool m_cacheValid = false;
};

} // namespace strata
