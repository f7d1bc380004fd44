#include "export/SelectionCopy.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QSet>

#include "export/TsvWriter.h"

namespace strata {

QString SelectionCopy::tsv(const QAbstractItemView& view, bool withColumnNames)
{
    const QItemSelectionModel* selection = view.selectionModel();
    const QAbstractItemModel* model = view.model();
    if (!selection || !model)
        return {};
    const QModelIndexList indexes = selection->selectedIndexes();
    if (indexes.isEmpty())
        return {};
    int top = indexes.first().row(), bottom = top, left = indexes.first().column(), right = left;
    QSet<QPair<int, int>> chosen;
    for (const QModelIndex& index : indexes) {
        top = qMin(top, index.row());
        bottom = qMax(bottom, index.row());
        left = qMin(left, index.column());
        right = qMax(right, index.column());
        chosen.insert({index.row(), index.column()});
    }
    QStringList columns;
    for (int c = left; c <= right; ++c)
        columns << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    TsvWriter writer(withColumnNames);
    QByteArray out;
    writer.begin(columns, out);
    for (int r = top; r <= bottom; ++r) {
        QVariantList row;
        for (int c = left; c <= right; ++c) {
            if (!chosen.contains({r, c})) {
                row << QVariant();
                continue;
            }
            const QModelIndex index = model->index(r, c);
            const QVariant raw = model->data(index, kRawValueRole);
            const QVariant shown = model->data(index, Qt::DisplayRole);
            // The value as read when the grid shows it as it is (or it is binary); otherwise what the grid
            // shows: the Data tab reads only a blob's length and shows "<blob N bytes>", not the number N.
            if (model->data(index, kIsNullRole).toBool())
                row << QVariant();
            else if (raw.isValid() &&
                     (raw.typeId() == QMetaType::QByteArray || shown.toString() == raw.toString()))
                row << raw;
            else
                row << shown;
        }
        writer.row(row, out);
    }
    // A single cell goes without its line break, as spreadsheets copy one.
    if (top == bottom && left == right && !withColumnNames && out.endsWith('\n'))
        out.chop(1);
    return QString::fromUtf8(out);
}

bool SelectionCopy::copy(const QAbstractItemView& view, bool withColumnNames)
{
    const QString text = tsv(view, withColumnNames);
    if (text.isEmpty() && !view.selectionModel()->hasSelection())
        return false;
    QGuiApplication::clipboard()->setText(text);
    return true;
}

} // namespace strata
