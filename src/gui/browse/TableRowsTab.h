#pragma once

#include <QObject>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "schema/TableInfo.h"

namespace strata {

class TablePage;

/// Feeds the Data tab of a table's page with a data grid of the table on show. The grid is made only when
/// the tab is opened, so looking at a table's columns or indexes never starts reading its rows, and it is
/// made again when another table is shown.
class TableRowsTab : public QObject
{
    Q_OBJECT

public:
    explicit TableRowsTab(TablePage& page);

    /// Drops the grid (and its connection): the page shows no table any more.
    void clear();
    /// The table whose rows the tab shows now; empty when it shows none.
    QString gridTable() const { return m_gridFor; }

private:
    void onTableShown(const TableInfo& table, Dialect dialect);
    void onTabChanged(int index);
    void showGrid();
    void showPlaceholder(const QString& text);
    void replaceTab(QWidget* widget);

    TablePage& m_page;
    TableInfo m_table;
    QString m_gridFor; ///< qualified name of the table the grid reads; empty: a placeholder is shown
    bool m_replacing = false;
};

} // namespace strata
