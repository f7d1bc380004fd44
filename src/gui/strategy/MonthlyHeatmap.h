#pragma once

#include <QList>

#include "strategy/QCustomPlotInclude.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// Monthly returns as a grid of years (rows, newest at the bottom) by months (columns), coloured on a
/// diverging red–green scale centred on 0, each cell labelled with its return when the label fits.
class MonthlyHeatmap : public QCustomPlot
{
    Q_OBJECT

public:
    explicit MonthlyHeatmap(QWidget* parent = nullptr);

    void setMonths(const QList<Tearsheet::Month>& months);

    /// The return drawn in the cell of `year`-`month`; NaN when that month has none.
    double cellValue(int year, int month) const;
    /// How many cells hold a return.
    int filledCells() const { return m_filled; }
    int firstYear() const { return m_firstYear; }
    int yearCount() const { return m_yearCount; }
    /// Whether the cells show their values (they do when the labels fit the cells).
    bool labelsShown() const;

private:
    void placeLabels();

    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    QList<QCPItemText*> m_labels;
    int m_firstYear = 0;
    int m_yearCount = 0;
    int m_filled = 0;
};

} // namespace strata
