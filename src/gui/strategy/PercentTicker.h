#pragma once

#include "strategy/QCustomPlotInclude.h"

namespace strata {

/// Ticks of a fraction axis labelled as percentages, with only as many decimals as the tick step needs:
/// "-20 %", "2.5 %", "0.25 %". Returns, drawdowns and win rates are fractions in the Tearsheet.
class PercentTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
    double getTickStep(const QCPRange& range) override;

private:
    int m_decimals = 0;
};

} // namespace strata
