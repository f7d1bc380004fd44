#pragma once

#include "analytics/FamilyView.h"
#include "strategy/QCustomPlotInclude.h"

namespace strata {

/// Component attribution over a family's generations: per generation, the members' mean contribution of
/// the signal generator, the risk manager and the position sizer stacked in one bar (negative parts below
/// zero), and the generation's mean Sharpe as a line on the right axis.
class AttributionChart : public QCustomPlot
{
    Q_OBJECT

public:
    explicit AttributionChart(QWidget* parent = nullptr);

    void setFamily(const FamilyView& family);
    /// Bar groups drawn: one per generation.
    int generationCount() const { return m_generations; }
    /// The three stacked components, signal generator first.
    QList<QCPBars*> components() const { return m_bars; }
    QCPGraph* meanSharpe() const { return m_sharpe; }

    QSize minimumSizeHint() const override { return {320, 200}; }

private:
    void applyTheme();

    QList<QCPBars*> m_bars;
    QCPGraph* m_sharpe = nullptr;
    int m_generations = 0;
};

} // namespace strata
