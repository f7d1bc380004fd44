#pragma once

#include "common/DiagramView.h"

namespace strata {

/// Shows the strategy lineage: the wheel zooms around the pointer (Shift+wheel scrolls), dragging the
/// background pans, fit shows the whole lineage or the focused part of it, and a strategy found is shown
/// big enough to read.
class LineageView : public DiagramView
{
public:
    explicit LineageView(QWidget* parent = nullptr) : DiagramView(Wheel::Zooms, 0.02, legibleZoom, parent) {}
};

} // namespace strata
