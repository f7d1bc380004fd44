#pragma once

#include "diagram/ErDiagram.h"
#include "schema/SchemaSnapshot.h"

namespace strata {

/// Turns a schema snapshot into the boxes and lines of its ER diagram, measured with the diagram's fonts,
/// ready for GraphLayout. Cheap (no layout): it runs on the GUI thread, the layout does not.
class ErDiagramBuilder
{
public:
    static ErDiagram build(const SchemaSnapshot& snapshot);
};

} // namespace strata
