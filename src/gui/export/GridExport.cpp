#include "export/GridExport.h"

#include <QAbstractItemView>
#include <QAction>

#include "export/ExportDialog.h"
#include "export/SelectionCopy.h"

namespace strata {

GridExport::GridExport(QAbstractItemView* view, ExportSource source)
    : QObject(view), m_view(view), m_source(std::move(source))
{
    m_export = new QAction(QStringLiteral("Export…"), view);
    m_export->setObjectName(QStringLiteral("exportRows"));
    m_export->setToolTip(QStringLiteral("Export these rows to a CSV, JSON or SQL file"));
    m_copy = new QAction(QStringLiteral("Copy"), view);
    m_copy->setObjectName(QStringLiteral("copyCells"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setToolTip(QStringLiteral("Copy the selected cells, tab-separated as spreadsheets paste them"));
    m_copyWithNames = new QAction(QStringLiteral("Copy with Column Names"), view);
    m_copyWithNames->setObjectName(QStringLiteral("copyCellsWithNames"));
    view->addAction(m_copy);
    view->addAction(m_copyWithNames);
    view->addAction(m_export);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copy, &QAction::triggered, this, [this] { SelectionCopy::copy(*m_view); });
    connect(m_copyWithNames, &QAction::triggered, this, [this] { SelectionCopy::copy(*m_view, true); });
    connect(m_export, &QAction::triggered, this, [this] { openDialog(); });
}

ExportDialog* GridExport::openDialog()
{
    auto* dialog = new ExportDialog(m_source, m_view->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace strata
