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
#include "export/ExportSource.h"
#include "export/GridExport.h"

namespace strata {

ResultGrid::ResultGrid(ConnectionUrl url, QWidget* parent) : QWidget(parent)
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
    // Export and copy as every grid of Strata offers them (the view's context menu, Ctrl+C).
    ExportSource source;
    source.url = std::move(url);
    source.what = tr("the query's result");
    source.explanation =
        tr("Every row of the statement, read again on a read-only connection of its own, not "
           "only the rows shown.");
    source.request = [this](ExportFormat format) {
        ExportRequest request;
        request.sql = m_statement;
        request.format = format;
        request.insertTable = QStringLiteral("query_result");
        return request;
    };
    m_export = new GridExport(m_view, std::move(source));
    m_export->exportAction()->setEnabled(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_rowBar);
}

void ResultGrid::setStatement(const QString& sql)
{
    m_statement = sql;
    m_export->exportAction()->setEnabled(!sql.isEmpty());
}

QAction* ResultGrid::copyAction() const
{
    return m_export->copyAction();
}

} // namespace strata
