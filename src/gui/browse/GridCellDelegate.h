#pragma once

#include <QStyledItemDelegate>

namespace strata {

/// Draws the grid's cells: NULL greyed and in italics, so it never reads as the text "NULL".
class GridCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace strata
