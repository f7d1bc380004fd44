#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace strata {

/// The rows of a large model as a table view can hold them: a window of at most windowSize() consecutive
/// rows of the source, moved as the operator scrolls. A QTableView keeps a few bytes per row in its
/// vertical header (QHeaderView's sections): 80 MB for ten million rows, and more than a gigabyte for the
/// tables that make other tools freeze. A window of 100,000 rows keeps that under a megabyte whatever the
/// table's size. The vertical header numbers rows as the source does.
///
/// The source's rows may only change at its end (a count that grows or shrinks) or all at once (a reset),
/// as TableBrowseModel's do.
class RowWindowModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int defaultWindowSize = 100000;

    explicit RowWindowModel(QAbstractItemModel* source, QObject* parent = nullptr);

    QAbstractItemModel* source() const { return m_source; }
    /// The source row of the window's first row.
    int offset() const { return m_offset; }
    int windowSize() const { return m_size; }
    /// Changes the window's size (at least 1), keeping its offset where it can.
    void setWindowSize(int rows);
    /// The source's rows, all of them.
    int sourceRows() const;
    /// Moves the window so that source rows `first` to `first + rows - 1` are inside it, centred when it
    /// has to move; does nothing when they are inside already. Returns the window row of `first`.
    int reveal(int first, int rows);
    /// Moves the window so that source row `row` is in its middle (as near as the ends allow).
    void centreOn(int row);
    int toSource(int windowRow) const { return m_offset + windowRow; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// The window moved (its rows were replaced by others of the source).
    void moved(int offset);

private:
    void moveTo(int offset);
    void onSourceRowsChanged();
    void onSourceDataChanged(const QModelIndex& from, const QModelIndex& to, const QList<int>& roles);
    int windowRows() const;

    QPointer<QAbstractItemModel> m_source;
    int m_size = defaultWindowSize;
    int m_offset = 0;
    int m_rows = 0; ///< rows in the window as last announced to the view
};

} // namespace strata
