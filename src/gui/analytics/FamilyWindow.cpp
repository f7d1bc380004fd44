#include "analytics/FamilyWindow.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "analytics/AttributionChart.h"
#include "analytics/FamilyReadJob.h"
#include "analytics/FamilyTable.h"
#include "analytics/ParallelCoordinatesChart.h"
#include "analytics/ReportWriter.h"
#include "common/ErrorBanner.h"
#include "jobs/JobRunner.h"
#include "strategy/TearsheetView.h"

namespace strata {

FamilyWindow::FamilyWindow(QWidget* parent)
    : QWidget(parent), m_banner(new ErrorBanner(this)), m_title(new QLabel(this)), m_note(new QLabel(this)),
      m_reportButton(new QPushButton(tr("Report…"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_parallel(new ParallelCoordinatesChart(this)),
      m_table(new FamilyTable(this)), m_attribution(new AttributionChart(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setWordWrap(true);
    m_reportButton->setToolTip(
        tr("Write this strategy's tearsheet and family view as one HTML file and a PDF"));
    m_reportButton->setEnabled(false);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_cancelButton);
    header->addWidget(m_reportButton);
    m_cancelButton->setToolTip(tr("Stop reading"));
    m_cancelButton->hide();

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_table);
    bottom->addWidget(m_attribution);
    // The table gets the larger part: its results columns come right after who the member is.
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({600, 400});
    bottom->setChildrenCollapsible(false);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_parallel);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(header);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);
    m_banner->clear();

    connect(m_table, &FamilyTable::memberSelected, this, &FamilyWindow::selectMember);
    connect(m_parallel, &ParallelCoordinatesChart::memberClicked, this, &FamilyWindow::selectMember);
    connect(m_reportButton, &QPushButton::clicked, this, &FamilyWindow::askForReport);
    connect(m_cancelButton, &QPushButton::clicked, this, &FamilyWindow::cancel);
    setWindowTitle(tr("Strategy family"));
}

// A read still running is stopped at its next safe point and waited for (JobRunner's destructor).
FamilyWindow::~FamilyWindow() = default;

void FamilyWindow::setConnection(std::optional<ConnectionUrl> url)
{
    if (m_runner && m_runner->isRunning()) {
        // Left to end on its own; its result is never shown.
        disconnect(m_runner.get(), nullptr, this, nullptr);
        m_runner->cancel();
        JobRunner* leftover = m_runner.release();
        connect(leftover, &JobRunner::finished, leftover, &QObject::deleteLater);
    }
    m_runner.reset();
    m_job = nullptr;
    m_url = std::move(url);
    setReading(false);
}

void FamilyWindow::cancel()
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
}

void FamilyWindow::setReading(bool reading)
{
    m_cancelButton->setVisible(reading);
    m_reportButton->setEnabled(!reading && !m_family.members.isEmpty());
}

void FamilyWindow::clear()
{
    showFamily(FamilyView{});
    m_banner->clear();
}

bool FamilyWindow::isReading() const
{
    return m_runner && m_runner->isRunning();
}

QString FamilyWindow::pdfPathFor(const QString& htmlPath)
{
    const QFileInfo info(htmlPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".pdf"));
}

void FamilyWindow::openFamily(const QString& strategyId)
{
    start(strategyId, false, {});
}

void FamilyWindow::writeReport(const QString& htmlPath)
{
    start(m_rootId, true, htmlPath);
}

void FamilyWindow::start(const QString& strategyId, bool withAnalytics, const QString& reportPath)
{
    if (!m_url) {
        m_banner->showError(
            Error::badInput(tr("No database is open to read the family of %1 from.").arg(strategyId),
                            tr("Open a database with File > Connect…, then open the family again.")));
        return;
    }
    if (m_runner && m_runner->isRunning()) {
        // The newer request wins: the older read is cancelled and its result never shown.
        disconnect(m_runner.get(), nullptr, this, nullptr);
        m_runner->cancel();
        JobRunner* leftover = m_runner.release();
        connect(leftover, &JobRunner::finished, leftover, &QObject::deleteLater);
    }
    m_rootId = strategyId;
    auto job = std::make_unique<FamilyReadJob>(
        strategyId, withAnalytics ? FamilyReadJob::Scope::FamilyAndAnalytics : FamilyReadJob::Scope::Family);
    m_job = job.get();
    m_runner = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_runner.get(), &JobRunner::progressed, this, [this](qint64, qint64, const QString& stage) {
        m_banner->showNotice(tr("Reading: %1…").arg(stage));
    });
    connect(m_runner.get(), &JobRunner::finished, this,
            [this, reportPath](bool ok, const Error& error) { onFinished(ok, error, reportPath); });
    setReading(true);
    m_banner->showNotice(withAnalytics ? tr("Reading the analytics of %1 for the report…").arg(strategyId)
                                       : tr("Reading the family of %1…").arg(strategyId));
    m_runner->start();
}

void FamilyWindow::onFinished(bool ok, const Error& error, const QString& reportPath)
{
    setReading(false);
    const bool complete = ok && m_job && m_job->family() && (reportPath.isEmpty() || m_job->analytics());
    if (!complete) {
        const Error shown = ok ? Error::failed(tr("The worker read nothing for %1.").arg(m_rootId),
                                               tr("Nothing was written."), tr("Open the family again."))
                               : error;
        m_banner->showError(shown);
        if (reportPath.isEmpty())
            Q_EMIT familyFailed(shown);
        else
            Q_EMIT reportFailed(shown);
        return;
    }
    m_banner->clear();
    if (reportPath.isEmpty())
        showFamily(*m_job->family());
    else
        writeReportFiles(reportPath);
}

void FamilyWindow::writeReportFiles(const QString& reportPath)
{
    if (!m_reportSheet) {
        m_reportSheet = new TearsheetView(this);
        m_reportSheet->setWindowFlag(Qt::Window);
        m_reportSheet->setAttribute(Qt::WA_DontShowOnScreen);
        m_reportSheet->resize(ReportWriter::chartWidth, 1400);
        m_reportSheet->hide();
    }
    const StrategyAnalytics& analytics = *m_job->analytics();
    // Every chart of the tearsheet window, the analytics' ones included (benchmark, rolling risk, years…).
    m_reportSheet->setAnalytics(analytics);
    const FamilyView& family = *m_job->family();
    const QList<QWidget*> familyCharts = {m_parallel, m_attribution};
    const QString pdfPath = pdfPathFor(reportPath);
    if (const Status html =
            ReportWriter::write(reportPath, analytics, m_reportSheet->charts(), &family, familyCharts);
        !html) {
        m_banner->showError(html.error());
        Q_EMIT reportFailed(html.error());
        return;
    }
    if (const Status pdf =
            ReportWriter::write(pdfPath, analytics, m_reportSheet->charts(), &family, familyCharts);
        !pdf) {
        // The HTML is whole and stays: the error says so.
        const Error error = pdf.error().withUnchanged(
            tr("The HTML report %1 was written; no PDF was written, and %2 is as it was.")
                .arg(reportPath, QFileInfo(pdfPath).fileName()));
        m_banner->showError(error);
        Q_EMIT reportFailed(error);
        return;
    }
    m_banner->showNotice(tr("Report written: %1 and %2").arg(reportPath, pdfPath));
    Q_EMIT reportWritten({reportPath, pdfPath});
}

void FamilyWindow::showFamily(const FamilyView& family)
{
    m_family = family;
    m_rootId = family.rootId;
    m_parallel->setFamily(family);
    m_table->setFamily(family);
    m_attribution->setFamily(family);
    m_title->setText(heading());
    QStringList notes;
    if (m_parallel->parametersLeftOut() > 0)
        notes << tr("%1 more parameters vary: they are in the table.").arg(m_parallel->parametersLeftOut());
    for (const QString& problem : family.problems)
        notes << QStringLiteral("⚠ ") + problem;
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
    m_reportButton->setEnabled(!family.members.isEmpty() && !isReading());
    setWindowTitle(family.rootId.isEmpty() ? tr("Strategy family") : tr("Family — %1").arg(family.rootId));
    if (family.members.isEmpty())
        return;
    m_table->selectMember(family.rootId);
    Q_EMIT familyShown(family.rootId);
}

QString FamilyWindow::heading() const
{
    if (m_family.members.isEmpty())
        return tr("No family shown");
    const FamilyView::Member& root = m_family.members.first();
    return tr("Family of %1 v%2 (%3): %4 members over %5 generations")
        .arg(root.name, root.version, root.strategyId)
        .arg(m_family.members.size())
        .arg(m_family.generations.size());
}

void FamilyWindow::selectMember(const QString& strategyId)
{
    m_parallel->setSelectedMember(strategyId);
    if (m_table->selectedMember() != strategyId)
        m_table->selectMember(strategyId);
}

void FamilyWindow::askForReport()
{
    const QString suggested = QStringLiteral("%1-report.html").arg(m_rootId);
    const QString path = QFileDialog::getSaveFileName(this, tr("Write the strategy report"), suggested,
                                                      tr("HTML files (*.html)"));
    if (!path.isEmpty())
        writeReport(path);
}

} // namespace strata
