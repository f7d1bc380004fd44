#pragma once

#include <QDate>
#include <QTableWidget>

#include "analytics/DrawdownPeriod.h"

namespace strata {

/// The worst drawdown periods of a strategy, deepest first: start, valley, recovery ("not recovered" while
/// still under water), depth and days. Clicking a period asks for the time charts to show it.
class DrawdownPeriodsTable : public QTableWidget
{
    Q_OBJECT

public:
    explicit DrawdownPeriodsTable(QWidget* parent = nullptr);

    /// `lastDay` ends a period that has not recovered (the history's last day).
    void setPeriods(const QList<DrawdownPeriod>& periods, const QDate& lastDay);
    const QList<DrawdownPeriod>& periods() const { return m_periods; }

    QSize sizeHint() const override;

Q_SIGNALS:
    /// The operator clicked the period from `start` to `end` (its recovery, or the last day).
    void periodClicked(const QDate& start, const QDate& end);

private:
    QList<DrawdownPeriod> m_periods;
    QDate m_lastDay;
};

} // namespace strata
