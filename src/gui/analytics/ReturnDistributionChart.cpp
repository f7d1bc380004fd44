#include "analytics/ReturnDistributionChart.h"

#include <algorithm>
#include <cmath>

#include "strategy/ChartStyle.h"

namespace strata {

ReturnDistributionChart::ReturnDistributionChart(const QString& title, QWidget* parent)
    : QCustomPlot(parent), m_bars(new QCPBars(xAxis, yAxis))
{
    chartstyle::applyBase(*this);
    chartstyle::addTitle(*this, title);
    chartstyle::usePercentTicks(*xAxis);
    xAxis->grid()->setVisible(false);
    yAxis->setLabel(tr("Count"));
    QColor fill = chartstyle::strategyColour();
    fill.setAlpha(200);
    m_bars->setBrush(fill);
    // A hairline of the background between bars: each bin stays apart in both themes.
    m_bars->setPen(QPen(chartstyle::backgroundColour(), 1));
    m_bars->setName(title);
}

void ReturnDistributionChart::setHistogram(const StrategyAnalytics::Histogram& histogram)
{
    clearItems();
    QVector<double> keys, counts;
    int highest = 0;
    m_total = 0;
    for (qsizetype i = 0; i < histogram.counts.size(); ++i) {
        keys.append(histogram.from + (double(i) + 0.5) * histogram.width);
        counts.append(histogram.counts[i]);
        highest = std::max(highest, histogram.counts[i]);
        m_total += histogram.counts[i];
    }
    m_bars->setWidth(histogram.width > 0 ? histogram.width : 0.001);
    m_bars->setData(keys, counts, true);
    if (keys.isEmpty()) {
        xAxis->setRange(-0.01, 0.01);
        yAxis->setRange(0, 1);
        return;
    }
    const double from = histogram.from;
    const double to = histogram.from + histogram.width * double(histogram.counts.size());
    const double margin = (to - from) * 0.03;
    xAxis->setRange(from - margin, to + margin);
    yAxis->setRange(0, highest * 1.15 + 1);

    // The mean, and a band one standard deviation either side of it.
    const auto vertical = [this](double x, const QPen& pen) {
        auto* line = new QCPItemStraightLine(this);
        line->setPen(pen);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        return line;
    };
    if (std::isfinite(histogram.mean)) {
        vertical(histogram.mean, QPen(chartstyle::textColour(), 1.2));
        auto* label = new QCPItemText(this);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(histogram.mean, 0.02);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(4, 0, 0, 0));
        label->setFont(chartstyle::tickFont());
        label->setColor(chartstyle::textColour());
        label->setText(
            tr("mean %1, sd %2")
                .arg(chartstyle::percent(histogram.mean, 2), chartstyle::percent(histogram.stddev, 2)));
    }
    if (std::isfinite(histogram.stddev) && histogram.stddev > 0) {
        const QPen dashed(chartstyle::referenceColour(), 1, Qt::DashLine);
        vertical(histogram.mean - histogram.stddev, dashed);
        vertical(histogram.mean + histogram.stddev, dashed);
    }
}

} // namespace strata
