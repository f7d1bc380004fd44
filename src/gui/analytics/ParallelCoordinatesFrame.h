#pragma once

#include <QList>
#include <QRectF>

#include "analytics/ParallelCoordinatesAxes.h"

class QPainter;

namespace strata {

/// What the parallel coordinates draw around their lines: the vertical axes spread over `area`, each with its
/// title (on two rows when they crowd) and its top and bottom values, the results' axes on a band of their
/// own.
class ParallelCoordinatesFrame
{
public:
    static void paintAxes(QPainter& painter, const QList<ParallelCoordinatesAxis>& axes, const QRectF& area,
                          double height);
};

} // namespace strata
