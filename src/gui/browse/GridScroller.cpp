#include "browse/GridScroller.h"

#include <algorithm>

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTableView>

#include "browse/RowWindowModel.h"

namespace strata {

GridScroller::GridScroller(QTableView& view, RowWindowModel& window, QScrollBar& bar)
    : QObject(&view), m_view(view), m_window(window), m_bar(bar)
{
    m_view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view.setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_bar.setOrientation(Qt::Vertical);
    m_bar.setSingleStep(1);
    connect(&m_bar, &QScrollBar::valueChanged, this, &GridScroller::onBarMoved);
    connect(m_view.verticalScrollBar(), &QScrollBar::valueChanged, this, &GridScroller::onViewScrolled);
    connect(&m_window, &QAbstractItemModel::rowsInserted, this, &GridScroller::updateRange);
    connect(&m_window, &QAbstractItemModel::rowsRemoved, this, &GridScroller::updateRange);
    connect(&m_window, &QAbstractItemModel::modelReset, this, &GridScroller::updateRange);
    m_view.viewport()->installEventFilter(this);
    m_view.installEventFilter(this);
    updateRange();
}

int GridScroller::visibleRows() const
{
    const int rowHeight = std::max(1, m_view.verticalHeader()->defaultSectionSize());
    return std::max(1, m_view.viewport()->height() / rowHeight);
}

int GridScroller::topRow() const
{
    return m_window.offset() + m_view.verticalScrollBar()->value();
}

void GridScroller::scrollToRow(int row)
{
    row = std::clamp(row, 0, m_bar.maximum());
    if (m_bar.value() == row)
        showTop(row, false);
    else
        m_bar.setValue(row); // onBarMoved shows it
}

void GridScroller::scrollToLastRow()
{
    scrollToRow(m_bar.maximum());
}

void GridScroller::updateRange()
{
    const int visible = visibleRows();
    const QSignalBlocker quiet(m_bar);
    m_bar.setRange(0, std::max(0, m_window.sourceRows() - visible));
    m_bar.setPageStep(visible);
    m_bar.setValue(topRow());
    m_bar.setVisible(m_bar.maximum() > 0);
}

void GridScroller::onBarMoved(int top)
{
    if (!m_syncing)
        showTop(top, false);
}

void GridScroller::onViewScrolled(int windowRow)
{
    if (m_syncing)
        return;
    // Scrolling within the view (wheel, keys): the window moves before the view reaches its edge.
    const int top = m_window.offset() + windowRow;
    const int margin = m_window.windowSize() / 4;
    const bool nearStart = windowRow < margin && m_window.offset() > 0;
    const bool nearEnd = windowRow + visibleRows() > m_window.rowCount() - margin &&
                         m_window.offset() + m_window.rowCount() < m_window.sourceRows();
    if (nearStart || nearEnd) {
        showTop(top, true);
        return;
    }
    const QSignalBlocker quiet(m_bar);
    m_bar.setValue(top);
}

void GridScroller::showTop(int top, bool recentre)
{
    m_syncing = true;
    const QModelIndex current = m_view.currentIndex();
    const int currentRow = current.isValid() ? m_window.toSource(current.row()) : -1;
    const int offset = m_window.offset();
    const int visible = visibleRows();
    if (recentre)
        m_window.centreOn(top);
    else
        m_window.reveal(top, visible);
    if (m_window.offset() != offset) {
        // The window's rows were replaced: lay the view out now so that its scroll range is the new one, and
        // keep the current cell where it is in the table.
        m_view.doItemsLayout();
        if (currentRow >= m_window.offset() && currentRow < m_window.offset() + m_window.rowCount())
            m_view.setCurrentIndex(m_window.index(currentRow - m_window.offset(), current.column()));
    }
    m_view.verticalScrollBar()->setValue(top - m_window.offset());
    {
        const QSignalBlocker quiet(m_bar);
        m_bar.setValue(topRow());
    }
    m_syncing = false;
}

bool GridScroller::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view.viewport() && event->type() == QEvent::Resize)
        updateRange();
    if (watched == &m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers().testFlag(Qt::ControlModifier) &&
            (key->key() == Qt::Key_End || key->key() == Qt::Key_Home)) {
            const bool toEnd = key->key() == Qt::Key_End;
            const int column = std::max(0, m_view.currentIndex().column());
            toEnd ? scrollToLastRow() : scrollToRow(0);
            const int row = toEnd ? m_window.rowCount() - 1 : 0;
            if (row >= 0)
                m_view.setCurrentIndex(m_window.index(row, column));
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace strata
