#pragma once

#include <QColor>
#include <QFont>
#include <QString>

class QCustomPlot;
class QCPAxis;

namespace strata::chartstyle {

/// The colours of the strategy charts, chosen to stay distinct for colour-blind readers and in print.
QColor strategyColour();        ///< the strategy's own line
QColor drawdownColour();        ///< the underwater curve
QColor gainColour();            ///< positive figures, heatmap high end
QColor lossColour();            ///< negative figures, heatmap low end
QColor referenceColour();       ///< zero lines and other references
QColor seriesColour(int index); ///< the n-th strategy of a comparison
QColor textColour();            ///< titles and labels
QColor gridColour();
QColor backgroundColour(); ///< white, or near black in the dark theme
/// Whether the charts draw for the dark theme (the application palette's window colour is dark), unless the
/// light palette is forced.
bool darkTheme();
/// Forces the light palette on every chart drawn while `on` (the report is a white page whatever View > Theme
/// says); returns the previous setting, to be given back.
bool forceLightPalette(bool on);

QFont titleFont();
QFont tickFont();
QFont cellFont();

/// `0.1234` → "12.3 %"; NaN → "–". `decimals` fixed, sign shown when `signedValue`.
QString percent(double fraction, int decimals = 1, bool signedValue = false);
/// `1.234` → "1.23"; NaN → "–".
QString ratio(double value, int decimals = 2);

/// The theme's background (white or near black), a discreet grid, readable tick fonts, no antialiasing where
/// it costs without showing (grid, axes, fills): what every strategy chart starts from.
void applyBase(QCustomPlot& plot);
/// The theme's colours on a chart already drawn (background, axes, grid, titles), after View > Theme.
void restyle(QCustomPlot& plot);
/// A bold title row above the plot's axis rect.
void addTitle(QCustomPlot& plot, const QString& title);
/// Tick labels as percentages of a fraction axis ("-12 %", "150 %").
void usePercentTicks(QCPAxis& axis);
/// Tick labels as dates, coarser as the range widens (years, months, days).
void useDateTicks(QCPAxis& axis);

} // namespace strata::chartstyle
