#pragma once

#include <QString>

namespace strata {

/// What the operator typed in the grid's filter field: rows whose `column` contains `text`
/// (case-insensitive), or, with no column, rows where any text column does. The text is always bound as a
/// parameter.
struct BrowseFilter
{
    QString column; ///< empty: every text column
    QString text;

    bool isEmpty() const { return text.isEmpty(); }
    bool operator==(const BrowseFilter&) const = default;
};

} // namespace strata
