#include "strategy/PerformanceWindows.h"

#include "strategy/ComparisonChart.h"
#include "strategy/TearsheetView.h"

namespace strata {

PerformanceWindows::PerformanceWindows(QWidget& owner) : QObject(&owner), m_owner(owner) {}

void PerformanceWindows::showTearsheet(const Tearsheet& sheet)
{
    if (!m_tearsheet) {
        m_tearsheet = new TearsheetView(&m_owner);
        m_tearsheet->setWindowFlag(Qt::Window);
        m_tearsheet->resize(1100, 820);
    }
    m_tearsheet->setTearsheet(sheet);
    m_tearsheet->setWindowTitle(
        tr("Tearsheet — %1 v%2 (%3)").arg(sheet.name, sheet.version, sheet.strategyId));
    m_tearsheet->show();
    m_tearsheet->raise();
}

void PerformanceWindows::showComparison(const QList<Tearsheet>& sheets, const QString& focusedStrategyId)
{
    if (!m_comparison) {
        m_comparison = new ComparisonChart(&m_owner);
        m_comparison->setWindowFlag(Qt::Window);
        m_comparison->resize(1100, 640);
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
