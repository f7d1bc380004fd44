#pragma once

#include "strategy/QCustomPlotInclude.h"

namespace strata {

/// Date ticks in UTC whose format follows the visible span: "2019" over several years, "Mar 2024" over
/// months, "12 Mar" over weeks. Period ends are stored as seconds since the epoch (UTC).
class DateTicker : public QCPAxisTickerDateTime
{
public:
    DateTicker();

protected:
    double getTickStep(const QCPRange& range) override;
};

} // namespace strata
