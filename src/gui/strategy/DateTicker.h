#pragma once

#include "strategy/QCustomPlotInclude.h"

namespace strata {

/// Date ticks in UTC whose format follows the step between ticks: "2019" when they step by years,
/// "Mar 2024" by months, "12 Mar 24" by days, so no two ticks carry the same label at any zoom. Period
/// ends are stored as seconds since the epoch (UTC).
class DateTicker : public QCPAxisTickerDateTime
{
public:
    DateTicker();

    /// The label format for ticks `step` seconds apart.
    static QString formatForStep(double step);

protected:
    double getTickStep(const QCPRange& range) override;
};

} // namespace strata
