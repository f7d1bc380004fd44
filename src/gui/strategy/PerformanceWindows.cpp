#include "strategy/PerformanceWindows.h"

#include <algorithm>

#include <QScreen>
#include <QWidget>

#include "common/Error.h"
#include "strategy/ComparisonChart.h"
#include "strategy/StrategyReader.h"
#include "strategy/TearsheetView.h"

namespace strata {

PerformanceWindows::PerformanceWindows(QWidget& owner, StrategyReader* reader)
    : QObject(&owner), m_owner(owner),
      m_reader(reader ? reader : owner.findChild<StrategyReader*>(QString(), Qt::FindDirectChildrenOnly))
{}

QSize PerformanceWindows::windowSize(const QSize& available)
{
    // Room for the window's frame and the desktop's panels; on a large screen no wider than the charts
    // read well, and as tall as the screen allows (the report scrolls inside).
    constexpr int frame = 48;
    return {std::clamp(available.width() - frame, 320, 1400), std::max(available.height() - frame, 240)};
}

void PerformanceWindows::place(QWidget& window) const
{
    const QScreen* screen = m_owner.screen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1024, 700);
    window.resize(windowSize(available.size()));
    window.move(available.topLeft() +
                QPoint((available.width() - window.width()) / 2, (available.height() - window.height()) / 2));
}

void PerformanceWindows::showTearsheet(const StrategyTearsheetJob::Item& item)
{
    const Tearsheet& sheet = item.tearsheet;
    if (!m_tearsheet) {
        m_tearsheet = new TearsheetView(&m_owner);
        m_tearsheet->setWindowFlag(Qt::Window);
        place(*m_tearsheet);
        connectBenchmark();
    }
    // A tearsheet read with its analytics (they hold the same tearsheet) draws them too.
    if (item.analytics.tearsheet.strategyId == sheet.strategyId && !sheet.strategyId.isEmpty())
        m_tearsheet->setAnalytics(item.analytics);
    else
        m_tearsheet->setTearsheet(sheet);
    m_tearsheet->setWindowTitle(
        tr("Tearsheet — %1 v%2 (%3)").arg(sheet.name, sheet.version, sheet.strategyId));
    m_tearsheet->show();
    m_tearsheet->raise();
}

void PerformanceWindows::connectBenchmark()
{
    if (!m_reader)
        return;
    connect(m_tearsheet, &TearsheetView::benchmarkRequested, this, [this](const BenchmarkChoice& choice) {
        const QString id = m_tearsheet->tearsheet().strategyId;
        if (!m_reader->connection()) {
            m_tearsheet->showBenchmarkError(Error::failed(
                tr("No database is open to read the benchmark of %1 from.").arg(id),
                tr("The tearsheet is unchanged."), tr("Open the database again with File > Connect.")));
            return;
        }
        m_tearsheet->setBenchmarkReading(true, tr("Reading %1").arg(choice.describe()));
        m_reader->readBenchmark(id, choice);
    });
    connect(m_reader, &StrategyReader::benchmarkProgressed, m_tearsheet,
            [this](const QString& stage) { m_tearsheet->setBenchmarkReading(true, stage); });
    connect(m_reader, &StrategyReader::benchmarkRead, m_tearsheet,
            [this](const StrategyTearsheetJob::Item& item) {
                // A read for a strategy no longer shown (another tearsheet opened meanwhile) is dropped.
                if (item.analytics.tearsheet.strategyId != m_tearsheet->tearsheet().strategyId) {
                    m_tearsheet->setBenchmarkReading(false);
                    return;
                }
                m_tearsheet->setAnalytics(item.analytics);
            });
    connect(m_reader, &StrategyReader::benchmarkFailed, m_tearsheet,
            [this](const Error& error) { m_tearsheet->showBenchmarkError(error); });
    connect(m_tearsheet, &TearsheetView::benchmarkCancelRequested, m_reader,
            &StrategyReader::cancelBenchmark);
    connect(m_reader, &StrategyReader::benchmarkCancelled, m_tearsheet,
            &TearsheetView::showBenchmarkCancelled);
}

void PerformanceWindows::showComparison(const QList<Tearsheet>& sheets, const QString& focusedStrategyId)
{
    if (!m_comparison) {
        m_comparison = new ComparisonChart(&m_owner);
        m_comparison->setWindowFlag(Qt::Window);
        place(*m_comparison);
    }
    m_comparison->setStrategies(sheets, focusedStrategyId);
    QString focusName = focusedStrategyId;
    for (const Tearsheet& sheet : sheets)
        if (sheet.strategyId == focusedStrategyId)
            focusName = QStringLiteral("%1 v%2").arg(sheet.name, sheet.version);
    m_comparison->setWindowTitle(tr("%1 with its parents and children").arg(focusName));
    m_comparison->show();
    m_comparison->raise();
}

} // namespace strata
