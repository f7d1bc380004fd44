#pragma once

#include <QList>
#include <QObject>
#include <QSize>

#include "jobs/StrategyTearsheetJob.h"
#include "strategy/Tearsheet.h"

class QWidget;

namespace strata {

class ComparisonChart;
class TearsheetView;

/// The windows the lineage page opens beside itself: one strategy's tearsheet, and the overlay of a
/// strategy with its parents and children. Each is one window, made on first use and reused after.
class PerformanceWindows : public QObject
{
    Q_OBJECT

public:
    /// The windows are children of `owner` (they close with it) drawn as windows of their own.
    explicit PerformanceWindows(QWidget& owner);

    /// The strategy's tearsheet window, drawn from what the worker read.
    void showTearsheet(const StrategyTearsheetJob::Item& item);
    /// `focusedStrategyId` is drawn thicker and on top.
    void showComparison(const QList<Tearsheet>& sheets, const QString& focusedStrategyId);

    /// The size of either window on a screen with `available` room: it fits a 1024x700 screen with its
    /// frame and uses a 1600x1000 one; what does not fit scrolls inside.
    static QSize windowSize(const QSize& available);

    /// nullptr until first shown.
    TearsheetView* tearsheet() const { return m_tearsheet; }
    ComparisonChart* comparison() const { return m_comparison; }

private:
    /// Sized to the owner's screen and centred on it.
    void place(QWidget& window) const;

    QWidget& m_owner;
    TearsheetView* m_tearsheet = nullptr; ///< a child of the owner: lives as long as it
    ComparisonChart* m_comparison = nullptr;
};

} // namespace strata
