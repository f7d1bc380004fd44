#pragma once

#include <QObject>

#include "export/ExportSource.h"

class QAbstractItemView;
class QAction;
class QWidget;

namespace strata {

/// Export and copy for any grid: "Export…" opens an ExportDialog for the grid's rows, "Copy" (Ctrl+C) puts
/// the selected cells on the clipboard tab-separated, "Copy with Column Names" adds the header line. The
/// actions are added to the view (its context menu and shortcuts) and can be put on a toolbar too.
class GridExport : public QObject
{
    Q_OBJECT

public:
    GridExport(QAbstractItemView* view, ExportSource source);

    QAction* exportAction() const { return m_export; }
    QAction* copyAction() const { return m_copy; }
    QAction* copyWithNamesAction() const { return m_copyWithNames; }
    /// Replaces what Export… exports (a result grid after a new statement).
    void setSource(ExportSource source) { m_source = std::move(source); }
    const ExportSource& source() const { return m_source; }
    /// Opens the dialog (non-modal; it stays until closed).
    class ExportDialog* openDialog();

private:
    QAbstractItemView* m_view;
    ExportSource m_source;
    QAction* m_export;
    QAction* m_copy;
    QAction* m_copyWithNames;
};

} // namespace strata
