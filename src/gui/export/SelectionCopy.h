#pragma once

#include <QString>

class QAbstractItemView;

namespace strata {

/// The selected cells of a grid as spreadsheets paste them: tab-separated, a line a row, the block from the
/// first selected row and column to the last (cells between that are not selected stay empty). Values are
/// taken as read (Qt::UserRole + 1, the grids' raw value; NULL an empty cell) when the grid shows them as
/// they are or they are binary (then \x and hex digits), else as shown.
class SelectionCopy
{
public:
    static constexpr int kRawValueRole = Qt::UserRole + 1;
    static constexpr int kIsNullRole = Qt::UserRole + 2;

    static QString tsv(const QAbstractItemView& view, bool withColumnNames = false);
    /// Puts tsv() on the clipboard; false when nothing is selected.
    static bool copy(const QAbstractItemView& view, bool withColumnNames = false);
};

} // namespace strata
