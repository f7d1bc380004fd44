#include "console/ResultGrid.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include "browse/GridCellDelegate.h"
#include "browse/GridScroller.h"
#include "browse/RowWindowModel.h"
#include "console/ResultModel.h"
#include "export/SelectionCopy.h"

namespace strata {

ResultGrid::ResultGrid(QWidget* parent) : QWidget(parent)
{
    m_model = new ResultModel(this);
    m_window = new RowWindowModel(m_model, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("resultGrid"));
    m_view->setModel(m_window);
    m_view->setItemDelegate(new GridCellDelegate(m_view));
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Uniform rows: the view computes positions instead of measuring millions of rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(150);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_rowBar = new QScrollBar(Qt::Vertical, this);
    m_rowBar->setObjectName(QStringLiteral("resultRows"));
    m_scroller = new GridScroller(*m_view, *m_window, *m_rowBar);
    // Copy as spreadsheets paste: Ctrl+C, or the grid's context menu.
    m_copy = new QAction(tr("Copy"), m_view);
    m_copy->setObjectName(QStringLiteral("copyCells"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copy, &QAction::triggered, this, [this] { SelectionCopy::copy(*m_view); });
    auto* copyWithNames = new QAction(tr("Copy with column names"), m_view);
    copyWithNames->setObjectName(QStringLiteral("copyCellsWithNames"));
    connect(copyWithNames, &QAction::triggered, this, [this] { SelectionCopy::copy(*m_view, true); });
    m_view->addAction(m_copy);
    m_view->addAction(copyWithNames);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_rowBar);
}

} // namespace strata
