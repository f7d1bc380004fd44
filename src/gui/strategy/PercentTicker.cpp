#include "strategy/PercentTicker.h"

#include <cmath>

namespace strata {

double PercentTicker::getTickStep(const QCPRange& range)
{
    const double step = QCPAxisTicker::getTickStep(range);
    // The step in percent decides the decimals: a step of 0.025 (2.5 %) needs one, 0.0025 needs two.
    const double stepPercent = step * 100.0;
    m_decimals = 0;
    while (m_decimals < 4 && std::abs(stepPercent * std::pow(10.0, m_decimals) -
                                      std::round(stepPercent * std::pow(10.0, m_decimals))) > 1e-6)
        ++m_decimals;
    return step;
}

QString PercentTicker::getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision)
{
    Q_UNUSED(formatChar)
    Q_UNUSED(precision)
    double value = tick * 100.0;
    if (std::abs(value) < 1e-9)
        value = 0.0; // never "-0 %"
    return locale.toString(value, 'f', m_decimals) + QStringLiteral(" %");
}

} // namespace strata
