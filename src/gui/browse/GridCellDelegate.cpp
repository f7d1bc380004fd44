#include "browse/GridCellDelegate.h"

#include "browse/TableBrowseModel.h"

namespace strata {

void GridCellDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(TableBrowseModel::IsNullRole).toBool() ||
        !index.data(TableBrowseModel::IsLoadedRole).toBool())
        return;
    option->font.setItalic(true);
    const QColor grey = option->palette.color(QPalette::Disabled, QPalette::Text);
    option->palette.setColor(QPalette::Text, grey);
    option->palette.setColor(QPalette::HighlightedText, grey);
}

} // namespace strata
