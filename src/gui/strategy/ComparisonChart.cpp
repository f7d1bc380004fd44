#include "strategy/ComparisonChart.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include "common/ErrorBanner.h"
#include "strategy/ChartExport.h"
#include "strategy/ChartStyle.h"
#include "strategy/TimeSeriesChart.h"

namespace strata {

ComparisonChart::ComparisonChart(QWidget* parent)
    : QWidget(parent), m_period(new PeriodSelector(this)), m_export(new QToolButton(this)),
      m_banner(new ErrorBanner(this)),
      m_chart(
          new TimeSeriesChart(tr("Cumulative return compared"), TimeSeriesChart::ValueFormat::Percent, this))
{
    m_chart->setIncludeZero(true);
    m_chart->addLayer(QStringLiteral("focus"), m_chart->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_chart->setMinimumHeight(320);
    m_chart->legend->setVisible(true);
    m_chart->legend->setFont(chartstyle::tickFont());
    m_chart->legend->setBrush(QColor(255, 255, 255, 225));
    m_chart->legend->setBorderPen(QPen(chartstyle::gridColour()));
    m_chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(10, 6, 10, 6);
    bar->addWidget(m_period);
    bar->addStretch(1);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("PNG image…"), this, [this] { exportWithDialog(QStringLiteral("png")); });
    menu->addAction(tr("PDF…"), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    menu->addAction(tr("CSV, one column per strategy…"), this,
                    [this] { exportWithDialog(QStringLiteral("csv")); });
    m_export->setMenu(menu);
    bar->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_chart, 1);

    connect(m_period, &PeriodSelector::presetChosen, this, &ComparisonChart::choosePeriod);
    connect(
        m_chart->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
        [this](const QCPRange& range) { m_period->showRange(range.lower, range.upper, m_applyingPreset); });
    connect(m_chart, &TimeSeriesChart::periodDragged, this, [this](double from, double to) {
        m_chart->setTimeRange(from, to);
        m_chart->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_chart, &TimeSeriesChart::showAllRequested, this, [this] { choosePeriod(PeriodPreset::All); });
}

void ComparisonChart::setStrategies(const QList<Tearsheet>& sheets, const QString& focusedStrategyId)
{
    m_sheets = sheets;
    m_graphs.clear();
    m_chart->clearGraphs();
    m_chart->clearItems();
    m_banner->clear();
    QCPGraph* focused = nullptr;
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        const Tearsheet& sheet = sheets[i];
        const bool isFocus = !focusedStrategyId.isEmpty() && sheet.strategyId == focusedStrategyId;
        QString label = sheet.name.isEmpty() ? sheet.strategyId : sheet.name;
        if (!sheet.version.isEmpty())
            label += QStringLiteral(" v%1").arg(sheet.version);
        if (isFocus)
            label += tr(" (focus)");
        QPen pen(chartstyle::seriesColour(int(i)), isFocus ? 3.0 : 1.4);
        pen.setJoinStyle(Qt::RoundJoin);
        QCPGraph* graph = m_chart->addSeries(label, sheet.time, sheet.cumulativeReturn, pen);
        m_graphs.append(graph);
        if (isFocus)
            focused = graph;
    }
    if (focused) {
        // Drawn last, so the focused line is never hidden under the others.
        focused->setLayer(QStringLiteral("focus"));
    }
    m_chart->addReferenceLine(0, QPen(chartstyle::referenceColour(), 1));
    choosePeriod(PeriodPreset::All);
    if (isVisible())
        m_chart->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* ComparisonChart::graphOf(const QString& strategyId) const
{
    for (qsizetype i = 0; i < m_sheets.size() && i < m_graphs.size(); ++i) {
        if (m_sheets[i].strategyId == strategyId)
            return m_graphs[i];
    }
    return nullptr;
}

void ComparisonChart::choosePeriod(PeriodPreset preset)
{
    const QCPRange all = m_chart->fullTimeRange();
    const auto [from, to] = presetRange(preset, all.lower, all.upper);
    m_applyingPreset = preset;
    m_chart->setTimeRange(from, to);
    m_period->showRange(from, to, preset);
    m_applyingPreset.reset();
    if (isVisible())
        m_chart->replot(QCustomPlot::rpQueuedReplot);
}

Status ComparisonChart::exportPng(const QString& path)
{
    return chartexport::savePng(*m_chart, path);
}

Status ComparisonChart::exportPdf(const QString& path)
{
    QStringList lines;
    for (const Tearsheet& sheet : m_sheets)
        lines.append(tr("%1 v%2 (%3): total return %4, Sharpe %5, max drawdown %6")
                         .arg(sheet.name, sheet.version, sheet.strategyId,
                              chartstyle::percent(sheet.totalReturn), chartstyle::ratio(sheet.sharpe),
                              chartstyle::percent(sheet.maxDrawdown)));
    lines.append(tr("Period shown: %1").arg(m_period->rangeText()));
    return chartexport::savePdf(tr("Strategies compared"), lines, {m_chart}, path);
}

Status ComparisonChart::exportCsv(const QString& path) const
{
    return chartexport::writeComparisonCsv(m_sheets, path);
}

void ComparisonChart::exportWithDialog(const QString& kind)
{
    const QString filters = kind == QLatin1String("png")   ? tr("PNG images (*.png)")
                            : kind == QLatin1String("pdf") ? tr("PDF documents (*.pdf)")
                                                           : tr("CSV files (*.csv)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the comparison"),
                                                      QStringLiteral("comparison.%1").arg(kind), filters);
    if (path.isEmpty())
        return;
    const Status done = kind == QLatin1String("png")   ? exportPng(path)
                        : kind == QLatin1String("pdf") ? exportPdf(path)
                                                       : exportCsv(path);
    if (done)
        m_banner->showNotice(tr("Saved %1").arg(path));
    else
        m_banner->showError(done.error());
}

} // namespace strata
