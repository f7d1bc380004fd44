#pragma once

#include <QTimer>
#include <QWidget>

#include "browse/BrowseOptions.h"
#include "connection/ConnectionUrl.h"
#include "schema/TableInfo.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QScrollBar;
class QTableView;

namespace strata {

class ErrorBanner;
class GridExport;
class GridScroller;
class RowWindowModel;
class TableBrowseModel;

/// The rows of one table, however many: a grid that reads pages on a worker as they come into view, with a
/// filter, sorting by the columns an index leads with, and a status line with the count (estimated at once,
/// exact when counted), how pages are read, and how long the last page took. The view holds a window of the
/// rows (RowWindowModel) and a scroll bar of its own spans all of them (GridScroller), so the grid takes
/// the same memory for ten rows as for a hundred million.
class DataGridPage : public QWidget
{
    Q_OBJECT

public:
    DataGridPage(ConnectionUrl url, TableInfo table, BrowseOptions options = {}, QWidget* parent = nullptr);

    TableBrowseModel* model() const { return m_model; }
    /// The rows the view holds: a window of the model's.
    RowWindowModel* window() const { return m_window; }
    GridScroller* scroller() const { return m_scroller; }
    /// The scroll bar over all the rows (the view's own is hidden).
    QScrollBar* rowScrollBar() const { return m_rowBar; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterField() const { return m_filter; }
    QComboBox* columnChooser() const { return m_column; }
    ErrorBanner* banner() const { return m_banner; }
    /// Export… (every row of the table to a file) and Copy of the selected cells.
    GridExport* gridExport() const { return m_export; }
    /// The status line as plain text: "≈10,000,000 rows (estimate) · exact count: Count · Keyset paging by
    /// id".
    QString statusText() const;

private:
    void applyFilter();
    void sortRequested(int section, Qt::SortOrder order);
    void showSortIndicator();
    void updateStatus();

    TableBrowseModel* m_model;
    RowWindowModel* m_window;
    QScrollBar* m_rowBar;
    GridScroller* m_scroller = nullptr;
    QTableView* m_view;
    QLineEdit* m_filter;
    QComboBox* m_column;
    ErrorBanner* m_banner;
    GridExport* m_export;
    QLabel* m_count;
    QLabel* m_paging;
    QLabel* m_fetch;
    QTimer m_filterDelay;
};

} // namespace strata
