#pragma once

#include <memory>
#include <vector>

#include "tools/ToolLayout.h"

namespace strata {

/// Every tool layout Strata reads, in the order they are asked for each entry of a folder: the layouts told
/// apart by a file's content first (goose and dbmate markers, sqlx's `-- no-transaction`), then those told
/// apart by name alone. The first layout that takes an entry reads it.
class ToolLayouts
{
public:
    static const std::vector<std::unique_ptr<ToolLayout>>& all();
};

} // namespace strata
