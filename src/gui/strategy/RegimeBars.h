#pragma once

#include <QList>

#include "strategy/QCustomPlotInclude.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// Performance by market regime: per regime, the compounded return (bars on the percent axis) beside the
/// annualised Sharpe ratio (bars on the right-hand ratio axis); each regime's label gives its periods and
/// mean return per period.
class RegimeBars : public QCustomPlot
{
    Q_OBJECT

public:
    explicit RegimeBars(QWidget* parent = nullptr);

    void setRegimes(const QList<Tearsheet::Regime>& regimes);

    QCPBars* returnBars() const { return m_return; }
    QCPBars* sharpeBars() const { return m_sharpe; }

private:
    QCPBars* m_return;
    QCPBars* m_sharpe;
};

} // namespace strata
