#pragma once

#include <QTimer>
#include <QWidget>

#include "browse/BrowseOptions.h"
#include "connection/ConnectionUrl.h"
#include "schema/TableInfo.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace strata {

class ErrorBanner;
class TableBrowseModel;

/// The rows of one table, however many: a grid that reads pages on a worker as they come into view, with a
/// filter, sorting by the columns an index leads with, and a status line with the count (estimated at once,
/// exact when counted), how pages are read, and how long the last page took.
class DataGridPage : public QWidget
{
    Q_OBJECT

public:
    DataGridPage(ConnectionUrl url, TableInfo table, BrowseOptions options = {}, QWidget* parent = nullptr);

    TableBrowseModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterField() const { return m_filter; }
    QComboBox* columnChooser() const { return m_column; }
    ErrorBanner* banner() const { return m_banner; }
    /// The status line as plain text: "≈10,000,000 rows (estimate) · exact count: Count · Keyset paging by
    /// id".
    QString statusText() const;

private:
    void applyFilter();
    void sortRequested(int section, Qt::SortOrder order);
    void showSortIndicator();
    void updateStatus();

    TableBrowseModel* m_model;
    QTableView* m_view;
    QLineEdit* m_filter;
    QComboBox* m_column;
    ErrorBanner* m_banner;
    QLabel* m_count;
    QLabel* m_paging;
    QLabel* m_fetch;
    QTimer m_filterDelay;
};

} // namespace strata
