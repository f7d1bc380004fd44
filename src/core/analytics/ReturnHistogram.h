#pragma once

#include <QList>

#include "analytics/StrategyAnalytics.h"

namespace strata {

/// The distribution of daily or monthly returns. Bins by the Freedman–Diaconis rule: width 2 × IQR × n^(-1/3)
/// over [min, max], between 5 and 60 bins (√n bins, at least 5, when the IQR is 0); each bin holds the values
/// in [from + i × width, from + (i + 1) × width), the last one its upper edge too. Mean and sample standard
/// deviation beside it. Linear in the number of values (the quartiles by selection, not by sorting). A value
/// that is not finite (NaN, an infinity) is left out of the bins, the mean, the deviation and the quantiles.
class ReturnHistogram
{
public:
    static constexpr int kMinBins = 5;
    static constexpr int kMaxBins = 60;

    static StrategyAnalytics::Histogram of(const QList<double>& values);
    /// The q-quantile (0..1) by linear interpolation between the closest ranks, as numpy's default.
    static double quantile(QList<double> values, double q);
};

} // namespace strata
