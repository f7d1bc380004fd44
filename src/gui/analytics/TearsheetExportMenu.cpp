#include "analytics/TearsheetExportMenu.h"

#include <QFileDialog>

#include "common/ErrorBanner.h"
#include "strategy/TearsheetView.h"

namespace strata {

TearsheetExportMenu::TearsheetExportMenu(TearsheetView& view, ErrorBanner& banner, QWidget* parent)
    : QMenu(parent), m_view(view), m_banner(banner)
{
    addAction(tr("PNG image…"), this, [this] { exportWithDialog(QStringLiteral("png")); });
    addAction(tr("PDF report…"), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    addAction(tr("CSV of every series…"), this, [this] { exportWithDialog(QStringLiteral("csv")); });
    m_report = addAction(tr("HTML report…"), this, [this] { exportWithDialog(QStringLiteral("html")); });
    m_report->setEnabled(false);
}

void TearsheetExportMenu::setReportEnabled(bool enabled)
{
    m_report->setEnabled(enabled);
}

void TearsheetExportMenu::exportWithDialog(const QString& kind)
{
    const QString filters = kind == QLatin1String("png")    ? tr("PNG images (*.png)")
                            : kind == QLatin1String("pdf")  ? tr("PDF documents (*.pdf)")
                            : kind == QLatin1String("html") ? tr("HTML files (*.html)")
                                                            : tr("CSV files (*.csv)");
    const QString id = m_view.tearsheet().strategyId;
    const QString suggested =
        QStringLiteral("%1-tearsheet.%2").arg(id.isEmpty() ? QStringLiteral("strategy") : id, kind);
    const QString path =
        QFileDialog::getSaveFileName(&m_view, tr("Export the tearsheet"), suggested, filters);
    if (path.isEmpty())
        return;
    const Status done = kind == QLatin1String("png")    ? m_view.exportPng(path)
                        : kind == QLatin1String("pdf")  ? m_view.exportPdf(path)
                        : kind == QLatin1String("html") ? m_view.exportHtml(path)
                                                        : m_view.exportCsv(path);
    if (done)
        m_banner.showNotice(tr("Saved %1").arg(path));
    else
        m_banner.showError(done.error());
}

} // namespace strata
