#pragma once

#include <QWidget>

#include "connection/ConnectionUrl.h"

class QAction;
class QScrollBar;
class QTableView;

namespace strata {

class GridExport;
class GridScroller;
class ResultModel;
class RowWindowModel;

/// A console result as the Data tab shows a table: the rows kept on disk (ResultModel over a ResultSpool),
/// a window of them in the view (RowWindowModel) and a scroll bar over all of them (GridScroller), so a
/// result of ten million rows costs the view what ten rows cost.
class ResultGrid : public QWidget
{
    Q_OBJECT

public:
    explicit ResultGrid(ConnectionUrl url, QWidget* parent = nullptr);

    /// The statement whose rows are shown: Export… runs it again on a read-only connection of its own and
    /// writes every row, not only those read so far. Empty: nothing to export.
    void setStatement(const QString& sql);

    ResultModel* model() const { return m_model; }
    RowWindowModel* window() const { return m_window; }
    GridScroller* scroller() const { return m_scroller; }
    QScrollBar* rowScrollBar() const { return m_rowBar; }
    QTableView* view() const { return m_view; }
    /// Export… (CSV, JSON, SQL INSERTs), Copy (Ctrl+C) and Copy with Column Names: the grid's context menu.
    GridExport* exporter() const { return m_export; }
    QAction* copyAction() const;

private:
    ResultModel* m_model;
    RowWindowModel* m_window;
    QTableView* m_view;
    QScrollBar* m_rowBar;
    GridScroller* m_scroller;
    GridExport* m_export;
    QString m_statement;
};

} // namespace strata
