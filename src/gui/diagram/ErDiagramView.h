#pragma once

#include "common/DiagramView.h"

namespace strata {

/// Shows an ER diagram: Ctrl+wheel zooms around the pointer (the wheel alone scrolls, as in the other
/// pages), dragging the background pans, and fit shows the whole schema.
class ErDiagramView : public DiagramView
{
public:
    explicit ErDiagramView(QWidget* parent = nullptr) : DiagramView(Wheel::CtrlZooms, 0.05, 0.0, parent) {}
};

} // namespace strata
