#pragma once

#include <cmath>

#include <QList>

namespace strata {

/// The mean of the last `window` known values at each period; NaN until one is known. The tearsheet and
/// the comparison draw the win rate's rolling mean with it.
inline QList<double> rollingMean(const QList<double>& values, int window)
{
    QList<double> result(values.size(), std::nan(""));
    double sum = 0;
    int count = 0;
    QList<double> recent; // the known values in the window, oldest first
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!std::isnan(values[i])) {
            recent.append(values[i]);
            sum += values[i];
            ++count;
            if (count > window) {
                sum -= recent.takeFirst();
                --count;
            }
        }
        if (count > 0)
            result[i] = sum / count;
    }
    return result;
}

/// About a month of trading days: the window of the win rate's rolling mean.
constexpr int winRateWindow = 21;

} // namespace strata
