#include "strategy/MonthlyHeatmap.h"

#include <cmath>
#include <limits>

#include <QLocale>

#include "strategy/ChartStyle.h"

namespace strata {

namespace {

QCPColorGradient redGreen()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0xb2, 0x18, 0x2b));
    gradient.setColorStopAt(0.25, QColor(0xef, 0x8a, 0x62));
    gradient.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
    gradient.setColorStopAt(0.75, QColor(0x7f, 0xbf, 0x7b));
    gradient.setColorStopAt(1.0, QColor(0x1b, 0x78, 0x37));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

} // namespace

MonthlyHeatmap::MonthlyHeatmap(QWidget* parent)
    : QCustomPlot(parent), m_map(new QCPColorMap(xAxis, yAxis)), m_scale(new QCPColorScale(this))
{
    chartstyle::applyBase(*this);
    chartstyle::addTitle(*this, tr("Monthly returns"));
    m_map->setInterpolate(false);
    m_map->setAntialiased(false);
    m_map->setColorScale(m_scale); // the map takes the scale's gradient: set it on the scale
    m_scale->setGradient(redGreen());
    plotLayout()->addElement(1, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(10);
    chartstyle::usePercentTicks(*m_scale->axis());
    m_scale->axis()->setTickLabelFont(chartstyle::tickFont());
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    m_scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    QSharedPointer<QCPAxisTickerText> months(new QCPAxisTickerText);
    for (int month = 1; month <= 12; ++month)
        months->addTick(month, QLocale::c().monthName(month, QLocale::ShortFormat));
    xAxis->setTicker(months);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    xAxis->setRange(0.5, 12.5);
    yAxis->setRangeReversed(true); // the first year on top, as a calendar reads
    connect(this, &QCustomPlot::afterLayout, this, &MonthlyHeatmap::placeLabels);
}

void MonthlyHeatmap::setMonths(const QList<Tearsheet::Month>& months)
{
    for (QCPItemText* label : std::as_const(m_labels))
        removeItem(label);
    m_labels.clear();
    m_filled = 0;
    int first = std::numeric_limits<int>::max();
    int last = std::numeric_limits<int>::min();
    for (const Tearsheet::Month& month : months) {
        if (month.month < 1 || month.month > 12)
            continue;
        first = std::min(first, month.year);
        last = std::max(last, month.year);
    }
    if (first > last) {
        m_firstYear = m_yearCount = 0;
        m_map->data()->clear();
        return;
    }
    m_firstYear = first;
    m_yearCount = last - first + 1;
    // QCPColorMap spans its cells between the first and last cell centres; with one year the rows are
    // doubled (two half-rows of the same values) so that the row still has a height.
    const int rows = std::max(m_yearCount, 2);
    auto* cells = m_map->data();
    cells->setSize(12, rows);
    cells->setRange(QCPRange(1, 12),
                    m_yearCount > 1 ? QCPRange(first, last) : QCPRange(first - 0.25, first + 0.25));
    cells->fill(std::numeric_limits<double>::quiet_NaN());
    double largest = 0.001;
    for (const Tearsheet::Month& month : months) {
        if (month.month < 1 || month.month > 12 || std::isnan(month.monthReturn))
            continue;
        const int row = month.year - first;
        if (std::isnan(cells->cell(month.month - 1, row)))
            ++m_filled;
        cells->setCell(month.month - 1, row, month.monthReturn);
        if (m_yearCount == 1)
            cells->setCell(month.month - 1, 1, month.monthReturn);
        largest = std::max(largest, std::abs(month.monthReturn));

        auto* label = new QCPItemText(this);
        label->position->setCoords(month.month, month.year);
        label->setText(QString::number(month.monthReturn * 100.0, 'f', 1));
        label->setFont(chartstyle::cellFont());
        label->setClipToAxisRect(true);
        m_labels.append(label);
    }
    // Symmetric around 0, so white is always "flat" and the two colours compare across strategies.
    m_map->setDataRange(QCPRange(-largest, largest));
    for (QCPItemText* label : std::as_const(m_labels)) {
        const double value =
            cellValue(int(std::lround(label->position->value())), int(std::lround(label->position->key())));
        // A pale cell is pale in either theme: its figure stays dark on it.
        label->setColor(std::abs(value) > 0.55 * largest ? QColor(Qt::white) : QColor(0x26, 0x2b, 0x33));
    }

    QSharedPointer<QCPAxisTickerText> years(new QCPAxisTickerText);
    for (int year = first; year <= last; ++year)
        years->addTick(year, QString::number(year));
    yAxis->setTicker(years);
    yAxis->setRange(first - 0.5, last + 0.5);
}

double MonthlyHeatmap::cellValue(int year, int month) const
{
    if (m_yearCount == 0 || month < 1 || month > 12 || year < m_firstYear ||
        year >= m_firstYear + m_yearCount)
        return std::numeric_limits<double>::quiet_NaN();
    return m_map->data()->cell(month - 1, year - m_firstYear);
}

bool MonthlyHeatmap::labelsShown() const
{
    return !m_labels.isEmpty() && m_labels.first()->visible();
}

void MonthlyHeatmap::placeLabels()
{
    if (m_labels.isEmpty())
        return;
    const double cellWidth = std::abs(xAxis->coordToPixel(2) - xAxis->coordToPixel(1));
    const double cellHeight = std::abs(yAxis->coordToPixel(1) - yAxis->coordToPixel(0));
    const QFontMetrics metrics(chartstyle::cellFont());
    const bool fits = metrics.horizontalAdvance(QStringLiteral("-88.8")) + 4 <= cellWidth &&
                      metrics.height() + 2 <= cellHeight;
    for (QCPItemText* label : std::as_const(m_labels))
        label->setVisible(fits);
}

} // namespace strata
