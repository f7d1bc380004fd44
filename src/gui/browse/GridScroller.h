#pragma once

#include <QObject>

class QScrollBar;
class QTableView;

namespace strata {

class RowWindowModel;

/// Scrolls a table view over every row of a RowWindowModel's source. An outside scroll bar spans all the
/// rows; the view scrolls within the window, and the window moves when the view comes near its edge or the
/// bar jumps past it, keeping the current cell. Ctrl+Home and Ctrl+End go to the first and the last row of
/// the table, not of the window.
class GridScroller : public QObject
{
    Q_OBJECT

public:
    /// Takes over the view's vertical scrolling: its own vertical scroll bar is hidden and `bar` used.
    GridScroller(QTableView& view, RowWindowModel& window, QScrollBar& bar);

    /// Shows source row `row` at the top (as near as the end of the table allows).
    void scrollToRow(int row);
    void scrollToLastRow();
    /// The source row at the top of the view.
    int topRow() const;
    /// How many rows the view shows at once (at least 1).
    int visibleRows() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onBarMoved(int top);
    void onViewScrolled(int windowRow);
    void updateRange();
    /// Shows source row `top` at the top of the view, moving the window first when `recentre` or when the
    /// rows on screen would leave it.
    void showTop(int top, bool recentre);

    QTableView& m_view;
    RowWindowModel& m_window;
    QScrollBar& m_bar;
    bool m_syncing = false;
};

} // namespace strata
