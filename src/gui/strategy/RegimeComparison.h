#pragma once

#include <QList>
#include <QStringList>

#include "strategy/QCustomPlotInclude.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// Performance by market regime for several strategies: per regime, each strategy's compounded return as
/// a bar of its own colour beside the others'. The comparison's counterpart of the tearsheet's RegimeBars.
class RegimeComparison : public QCustomPlot
{
    Q_OBJECT

public:
    explicit RegimeComparison(QWidget* parent = nullptr);

    /// One bar series per sheet, named `names[i]`, in `colours[i]`.
    void setStrategies(const QList<Tearsheet>& sheets, const QStringList& names,
                       const QList<QColor>& colours);

    /// The regimes along the axis, in the order the strategies first name them.
    const QStringList& regimeNames() const { return m_regimes; }
    /// The bars of the i-th strategy.
    QList<QCPBars*> bars() const { return m_bars; }

private:
    QCPBarsGroup* m_group;
    QStringList m_regimes;
    QList<QCPBars*> m_bars;
};

} // namespace strata
