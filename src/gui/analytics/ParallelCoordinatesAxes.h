#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "analytics/FamilyView.h"

namespace strata {

/// One vertical axis of the family's parallel coordinates: a parameter that varies in the family, or a
/// result.
struct ParallelCoordinatesAxis
{
    QString key;   ///< the parameter's name or the result's key
    QString title; ///< what the axis is headed with
    bool isResult = false;
    double low = 0; ///< the value at the bottom of the axis
    double high = 1;
    QStringList categories; ///< for a text parameter: its values, bottom to top
    QList<double> position; ///< per member: 0 (bottom) … 1 (top); NaN where the member has none
};

/// Decides the axes of the parallel coordinates from a family: the parameters that vary (in the family's
/// order, at most `maxParameterAxes`; a member lacking a parameter another has counts as a difference), then
/// Sharpe, CAGR, max drawdown, volatility and win rate, each member's value placed along each. Linear in
/// members × parameters.
class ParallelCoordinatesAxes
{
public:
    /// `leftOut`: how many varying parameters got no axis.
    static QList<ParallelCoordinatesAxis> build(const FamilyView& family, int maxParameterAxes, int* leftOut);
};

} // namespace strata
