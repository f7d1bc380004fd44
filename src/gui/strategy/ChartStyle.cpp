#include "strategy/ChartStyle.h"

#include <cmath>

#include <QApplication>

#include "strategy/DateTicker.h"
#include "strategy/PercentTicker.h"
#include "strategy/QCustomPlotInclude.h"

namespace strata::chartstyle {

QColor strategyColour()
{
    return QColor(0x1f, 0x6f, 0xb4);
}

QColor drawdownColour()
{
    return QColor(0xc9, 0x3a, 0x35);
}

QColor gainColour()
{
    return QColor(0x1a, 0x98, 0x50);
}

QColor lossColour()
{
    return QColor(0xd7, 0x30, 0x27);
}

QColor referenceColour()
{
    return darkTheme() ? QColor(0xa0, 0xa4, 0xaa) : QColor(0x55, 0x55, 0x55);
}

namespace {
bool forcedLight = false;
} // namespace

bool forceLightPalette(bool on)
{
    const bool before = forcedLight;
    forcedLight = on;
    return before;
}

bool darkTheme()
{
    return !forcedLight && QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor backgroundColour()
{
    return darkTheme() ? QColor(0x1f, 0x21, 0x24) : QColor(Qt::white);
}

QColor seriesColour(int index)
{
    // Tableau 10: distinct in hue and lightness, readable on white.
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                     QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                     QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    const int count = int(std::size(palette));
    return palette[((index % count) + count) % count];
}

QColor textColour()
{
    return darkTheme() ? QColor(0xdc, 0xdf, 0xe4) : QColor(0x26, 0x2b, 0x33);
}

QColor gridColour()
{
    return darkTheme() ? QColor(0x3a, 0x3e, 0x44) : QColor(0xe3, 0xe6, 0xea);
}

QFont titleFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() + 1.0);
    font.setBold(true);
    return font;
}

QFont tickFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(8.0, font.pointSizeF() - 0.5));
    return font;
}

QFont cellFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(7.0, font.pointSizeF() - 1.5));
    return font;
}

QString percent(double fraction, int decimals, bool signedValue)
{
    if (std::isnan(fraction))
        return QStringLiteral("–");
    const double value = fraction * 100.0;
    QString text = QString::number(value, 'f', decimals);
    if (signedValue && value > 0)
        text.prepend(QLatin1Char('+'));
    return text + QStringLiteral(" %");
}

QString ratio(double value, int decimals)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    return QString::number(value, 'f', decimals);
}

namespace {

void styleAxis(QCPAxis& axis)
{
    axis.setTickLabelFont(tickFont());
    axis.setTickLabelColor(textColour());
    axis.setLabelFont(tickFont());
    axis.setLabelColor(textColour());
    const QPen axisPen(darkTheme() ? QColor(0x6a, 0x6f, 0x76) : QColor(0xb0, 0xb5, 0xbc), 1);
    axis.setBasePen(axisPen);
    axis.setTickPen(axisPen);
    axis.setSubTickPen(Qt::NoPen);
    axis.setTickLengthIn(0);
    axis.setTickLengthOut(4);
    axis.grid()->setPen(QPen(gridColour(), 1, Qt::SolidLine));
    axis.grid()->setZeroLinePen(Qt::NoPen);
}

} // namespace

void applyBase(QCustomPlot& plot)
{
    plot.setBackground(backgroundColour());
    plot.setAntialiasedElements(QCP::aeNone);
    // Lines stay antialiased (they carry the data); fills, grids and axes do not, which costs time and
    // shows nothing at these sizes. While dragging, nothing is antialiased so panning stays fluid.
    plot.setNotAntialiasedElements(QCP::aeFills | QCP::aeGrid | QCP::aeAxes | QCP::aeZeroLine);
    plot.setNoAntialiasingOnDrag(true);
    plot.setPlottingHint(QCP::phCacheLabels, true);
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis, plot.xAxis2, plot.yAxis2})
        styleAxis(*axis);
    plot.xAxis2->setVisible(false);
    plot.yAxis2->setVisible(false);
}

void restyle(QCustomPlot& plot)
{
    plot.setBackground(backgroundColour());
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis, plot.xAxis2, plot.yAxis2})
        if (axis) {
            // Keep the fonts a chart chose; only the colours follow the theme.
            axis->setTickLabelColor(textColour());
            axis->setLabelColor(textColour());
            const QPen axisPen(darkTheme() ? QColor(0x6a, 0x6f, 0x76) : QColor(0xb0, 0xb5, 0xbc), 1);
            axis->setBasePen(axisPen);
            axis->setTickPen(axisPen);
            if (axis->grid()->pen().style() != Qt::NoPen)
                axis->grid()->setPen(QPen(gridColour(), 1, Qt::SolidLine));
        }
    for (int i = 0; i < plot.plotLayout()->elementCount(); ++i)
        if (auto* text = qobject_cast<QCPTextElement*>(plot.plotLayout()->elementAt(i)))
            text->setTextColor(textColour());
    if (plot.legend) {
        plot.legend->setTextColor(textColour());
        if (plot.legend->brush().style() != Qt::NoBrush) {
            QColor behind = backgroundColour();
            behind.setAlpha(210);
            plot.legend->setBrush(behind);
        }
    }
    plot.replot(QCustomPlot::rpQueuedReplot);
}

void addTitle(QCustomPlot& plot, const QString& title)
{
    if (plot.plotLayout()->rowCount() == 0)
        return;
    plot.plotLayout()->insertRow(0);
    auto* text = new QCPTextElement(&plot, title, titleFont());
    text->setTextColor(textColour());
    text->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    text->setMargins(QMargins(10, 6, 10, 0));
    plot.plotLayout()->addElement(0, 0, text);
}

void usePercentTicks(QCPAxis& axis)
{
    axis.setTicker(QSharedPointer<PercentTicker>::create());
}

void useDateTicks(QCPAxis& axis)
{
    axis.setTicker(QSharedPointer<DateTicker>::create());
}

} // namespace strata::chartstyle
