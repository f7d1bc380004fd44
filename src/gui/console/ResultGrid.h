#pragma once

#include <QWidget>

class QAction;
class QScrollBar;
class QTableView;

namespace strata {

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
    explicit ResultGrid(QWidget* parent = nullptr);

    ResultModel* model() const { return m_model; }
    RowWindowModel* window() const { return m_window; }
    GridScroller* scroller() const { return m_scroller; }
    QScrollBar* rowScrollBar() const { return m_rowBar; }
    QTableView* view() const { return m_view; }
    /// Copies the selected cells tab-separated (Ctrl+C).
    QAction* copyAction() const { return m_copy; }

private:
    ResultModel* m_model;
    RowWindowModel* m_window;
    QTableView* m_view;
    QScrollBar* m_rowBar;
    GridScroller* m_scroller;
    QAction* m_copy;
};

} // namespace strata
