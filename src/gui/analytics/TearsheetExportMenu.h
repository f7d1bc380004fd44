#pragma once

#include <QMenu>

class QAction;

namespace strata {

class ErrorBanner;
class TearsheetView;

/// The tearsheet window's Export menu: a PNG image, a PDF report, the CSV of every series and, once the
/// analytics are shown, the HTML report. Each asks where to save, then says in the window's banner what
/// was saved, or why not.
class TearsheetExportMenu : public QMenu
{
    Q_OBJECT

public:
    TearsheetExportMenu(TearsheetView& view, ErrorBanner& banner, QWidget* parent);

    /// The HTML report needs the analytics: offered only while they are shown.
    void setReportEnabled(bool enabled);
    QAction* reportAction() const { return m_report; }

private:
    void exportWithDialog(const QString& kind);

    TearsheetView& m_view;
    ErrorBanner& m_banner;
    QAction* m_report;
};

} // namespace strata
