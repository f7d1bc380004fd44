#include "strategy/ComparisonChart.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "common/ErrorBanner.h"
#include "strategy/ChartExport.h"
#include "strategy/ChartStyle.h"
#include "strategy/RegimeComparison.h"
#include "strategy/RollingMean.h"
#include "strategy/TimeSeriesChart.h"
#include "theme/Theme.h"

namespace strata {

namespace {

/// The middle of a month (seconds since the epoch, UTC): where its return is drawn on a time axis.
double midMonth(const Tearsheet::Month& month)
{
    const QDate first(month.year, month.month, 1);
    return double(QDateTime(first, QTime(0, 0), Qt::UTC).toSecsSinceEpoch()) + 86400.0 * 14;
}

} // namespace

ComparisonChart::ComparisonChart(QWidget* parent)
    : QWidget(parent), m_period(new PeriodSelector(this)), m_export(new QToolButton(this)),
      m_banner(new ErrorBanner(this)), m_scroll(new QScrollArea(this)), m_report(new QWidget),
      m_cumulative(new TimeSeriesChart(tr("Cumulative return compared"),
                                       TimeSeriesChart::ValueFormat::Percent, m_report)),
      m_drawdown(new TimeSeriesChart(tr("Drawdown (underwater) compared"),
                                     TimeSeriesChart::ValueFormat::Percent, m_report)),
      m_sharpe(
          new TimeSeriesChart(tr("Rolling Sharpe compared"), TimeSeriesChart::ValueFormat::Ratio, m_report)),
      m_winRate(new TimeSeriesChart(tr("Win rate, rolling mean (%1 periods) compared").arg(winRateWindow),
                                    TimeSeriesChart::ValueFormat::Percent, m_report)),
      m_monthly(new TimeSeriesChart(tr("Monthly returns compared"), TimeSeriesChart::ValueFormat::Percent,
                                    m_report)),
      m_regimes(new RegimeComparison(m_report))
{
    m_report->setObjectName(QStringLiteral("comparisonReport"));
    // The report behind the charts: the charts' own background, white or near black (View > Theme).
    const auto restyle = [this] {
        m_report->setStyleSheet(QStringLiteral("#comparisonReport { background: %1; }")
                                    .arg(chartstyle::backgroundColour().name()));
    };
    restyle();
    connect(&Theme::instance(), &Theme::changed, this, restyle);
    for (TimeSeriesChart* chart : timeCharts())
        chart->addLayer(QStringLiteral("focus"), chart->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_cumulative->setIncludeZero(true);
    m_drawdown->setIncludeZero(true);
    m_monthly->setIncludeZero(true);
    m_cumulative->setMinimumHeight(280);
    m_drawdown->setMinimumHeight(180);
    m_sharpe->setMinimumHeight(180);
    m_winRate->setMinimumHeight(180);
    m_monthly->setMinimumHeight(200);
    m_regimes->setMinimumHeight(240);
    // The legend in a row of its own under the chart, one entry beside the next: it never covers a line.
    QCPLegend* legend = m_cumulative->legend;
    legend->setVisible(true);
    legend->setFont(chartstyle::tickFont());
    legend->setBrush(Qt::NoBrush);
    legend->setBorderPen(Qt::NoPen);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(4);
    m_cumulative->axisRect()->insetLayout()->take(legend);
    const int legendRow = m_cumulative->plotLayout()->rowCount();
    m_cumulative->plotLayout()->addElement(legendRow, 0, legend);
    m_cumulative->plotLayout()->setRowStretchFactor(legendRow, 0.001);
    m_cumulative->plotLayout()->simplify();

    auto* report = new QVBoxLayout(m_report);
    report->setContentsMargins(10, 10, 10, 10);
    report->setSpacing(6);
    report->addWidget(m_cumulative, 5);
    report->addWidget(m_drawdown, 3);
    report->addWidget(m_sharpe, 3);
    report->addWidget(m_winRate, 3);
    report->addWidget(m_monthly, 3);
    report->addWidget(m_regimes, 4);
    m_scroll->setWidget(m_report);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_banner);
    layout->addWidget(m_scroll, 1);

    connect(m_period, &PeriodSelector::presetChosen, this, &ComparisonChart::choosePeriod);
    for (TimeSeriesChart* chart : timeCharts()) {
        connect(chart->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [this, chart](const QCPRange& range) { onTimeRangeChanged(chart, range); });
        connect(chart, &TimeSeriesChart::periodDragged, this, [this](double from, double to) {
            m_cumulative->setTimeRange(from, to);
            onTimeRangeChanged(m_cumulative, m_cumulative->xAxis->range());
        });
        connect(chart, &TimeSeriesChart::showAllRequested, this, [this] { choosePeriod(PeriodPreset::All); });
    }
}

QWidget* ComparisonChart::buildToolbar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_period);
    layout->addStretch(1);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("PNG image…"), this, [this] { exportWithDialog(QStringLiteral("png")); });
    menu->addAction(tr("PDF…"), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    menu->addAction(tr("CSV, one column per strategy…"), this,
                    [this] { exportWithDialog(QStringLiteral("csv")); });
    m_export->setMenu(menu);
    layout->addWidget(m_export);
    return bar;
}

QList<TimeSeriesChart*> ComparisonChart::timeCharts() const
{
    return {m_cumulative, m_drawdown, m_sharpe, m_winRate, m_monthly};
}

QList<QCustomPlot*> ComparisonChart::charts() const
{
    return {m_cumulative, m_drawdown, m_sharpe, m_winRate, m_monthly, m_regimes};
}

void ComparisonChart::setStrategies(const QList<Tearsheet>& sheets, const QString& focusedStrategyId)
{
    m_sheets = sheets;
    m_graphs.clear();
    for (TimeSeriesChart* chart : timeCharts()) {
        chart->clearGraphs();
        chart->clearItems();
    }
    m_banner->clear();
    QStringList names;
    QList<QColor> colours;
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        const Tearsheet& sheet = sheets[i];
        const bool isFocus = !focusedStrategyId.isEmpty() && sheet.strategyId == focusedStrategyId;
        QString label = sheet.name.isEmpty() ? sheet.strategyId : sheet.name;
        if (!sheet.version.isEmpty())
            label += QStringLiteral(" v%1").arg(sheet.version);
        if (isFocus)
            label += tr(" (focus)");
        names.append(label);
        colours.append(chartstyle::seriesColour(int(i)));
        QPen pen(colours.last(), isFocus ? 3.0 : 1.4);
        pen.setJoinStyle(Qt::RoundJoin);

        QList<double> monthTimes;
        QList<double> monthReturns;
        for (const Tearsheet::Month& month : sheet.monthlyReturns) {
            monthTimes.append(midMonth(month));
            monthReturns.append(month.monthReturn);
        }
        const QList<QCPGraph*> drawn{
            m_cumulative->addSeries(label, sheet.time, sheet.cumulativeReturn, pen),
            m_drawdown->addSeries(label, sheet.time, sheet.drawdown, pen),
            m_sharpe->addSeries(label, sheet.time, sheet.rollingSharpe, pen),
            m_winRate->addSeries(label, sheet.time, rollingMean(sheet.winRate, winRateWindow), pen),
            m_monthly->addSeries(label, monthTimes, monthReturns, pen),
        };
        drawn.last()->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colours.last(), 4));
        m_graphs.append(drawn.first());
        if (isFocus) {
            // Drawn last, so the focused line is never hidden under the others.
            for (QCPGraph* graph : drawn)
                graph->setLayer(QStringLiteral("focus"));
        }
    }
    const QPen reference(chartstyle::referenceColour(), 1);
    m_cumulative->addReferenceLine(0, reference);
    m_sharpe->addReferenceLine(0, reference);
    m_winRate->addReferenceLine(0.5, QPen(chartstyle::referenceColour(), 1, Qt::DashLine));
    m_monthly->addReferenceLine(0, reference);
    m_regimes->setStrategies(sheets, names, colours);
    choosePeriod(PeriodPreset::All);
    if (isVisible())
        m_regimes->replot(QCustomPlot::rpQueuedReplot);
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
    const QCPRange all = m_cumulative->fullTimeRange();
    const auto [from, to] = presetRange(preset, all.lower, all.upper);
    m_applyingPreset = preset;
    m_cumulative->setTimeRange(from, to);
    onTimeRangeChanged(m_cumulative, m_cumulative->xAxis->range());
    m_applyingPreset.reset();
}

void ComparisonChart::onTimeRangeChanged(TimeSeriesChart* source, const QCPRange& range)
{
    if (m_linking)
        return;
    m_linking = true;
    for (TimeSeriesChart* chart : timeCharts()) {
        if (chart != source)
            chart->setTimeRange(range.lower, range.upper);
    }
    m_linking = false;
    m_period->showRange(range.lower, range.upper, m_applyingPreset);
    if (isVisible()) {
        for (TimeSeriesChart* chart : timeCharts())
            chart->replot(QCustomPlot::rpQueuedReplot);
    }
}

Status ComparisonChart::exportPng(const QString& path)
{
    return chartexport::savePng(*m_report, path);
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
    return chartexport::savePdf(tr("Strategies compared"), lines, charts(), path);
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
