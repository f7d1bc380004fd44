#pragma once

#include <QList>
#include <QObject>
#include <QSize>

#include "jobs/StrategyTearsheetJob.h"
#include "strategy/Tearsheet.h"

class QWidget;

namespace strata {

class ComparisonChart;
class StrategyReader;
class TearsheetView;

/// The windows the lineage page opens beside itself: one strategy's tearsheet, and the overlay of a
/// strategy with its parents and children. Each is one window, made on first use and reused after.
class PerformanceWindows : public QObject
{
    Q_OBJECT

public:
    /// The windows are children of `owner` (they close with it) drawn as windows of their own. `reader`
    /// reads the tearsheet again when the operator chooses another benchmark in its window; when none is
    /// given, the owner's own StrategyReader (the lineage page's) is used.
    explicit PerformanceWindows(QWidget& owner, StrategyReader* reader = nullptr);

    /// The strategy's tearsheet window, drawn from what the worker read (its analytics when it has them).
    void showTearsheet(const StrategyTearsheetJob::Item& item);
    /// `focusedStrategyId` is drawn thicker and on top.
    void showComparison(const QList<Tearsheet>& sheets, const QString& focusedStrategyId);

    /// The size of either window on a screen with `available` room: it fits a 1024x700 screen with its
    /// frame and uses a 1600x1000 one; what does not fit scrolls inside.
    static QSize windowSize(const QSize& available);

    /// nullptr until first shown.
    TearsheetView* tearsheet() const { return m_tearsheet; }
    ComparisonChart* comparison() const { return m_comparison; }
    StrategyReader* reader() const { return m_reader; }

private:
    /// Sized to the owner's screen and centred on it.
    void place(QWidget& window) const;
    /// The tearsheet window's benchmark chooser: read on the reader's worker, then redraw or show the error.
    void connectBenchmark();

    QWidget& m_owner;
    StrategyReader* m_reader;
    TearsheetView* m_tearsheet = nullptr; ///< a child of the owner: lives as long as it
    ComparisonChart* m_comparison = nullptr;
};

} // namespace strata
