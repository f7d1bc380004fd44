#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "strategy/Tearsheet.h"

class QCustomPlot;
class QWidget;

namespace strata::chartexport {

/// The widget as it is on screen (a whole tearsheet or one chart), as a PNG file.
Status savePng(QWidget& widget, const QString& path);

/// A vector PDF on A4: `title`, the `summary` lines, then each chart scaled to the page width, in order,
/// starting a new page where a chart would not fit.
Status savePdf(const QString& title, const QStringList& summary, const QList<QCustomPlot*>& charts,
               const QString& path);

/// One row per period: date, period_return, cumulative_return, drawdown, rolling_sharpe, win_rate.
/// Fractions as stored (0.01 = 1 %); a NaN is an empty cell.
Status writeTearsheetCsv(const Tearsheet& sheet, const QString& path);

/// Cumulative returns of several strategies side by side: date, then one column per strategy, named
/// "name vversion (strategy_id)"; empty where a strategy has no period on that date.
Status writeComparisonCsv(const QList<Tearsheet>& sheets, const QString& path);

/// The period end as the CSV writes it: "2024-03-12" at midnight UTC, ISO 8601 with the time otherwise.
QString csvDate(double seconds);

} // namespace strata::chartexport
