#pragma once

#include <QList>
#include <QVariantList>

namespace strata {

/// One page of rows as the grid holds it: the table's columns only, with the keys of its first and last
/// rows so that the next and the previous pages are index seeks from here.
struct BrowsePage
{
    int index = -1;
    QList<QVariantList> rows;
    QVariantList firstKey;
    QVariantList lastKey;
    /// Read from the end of the table (before the exact count was known): its rows sit at the end of
    /// `totalRows` rows, and move when the count turns out different.
    bool fromEnd = false;
    qint64 totalRows = -1;
    qint64 bytes = 0; ///< approximate memory the rows take
    quint64 lastUsed = 0;
};

} // namespace strata
