#include "analytics/ParallelCoordinatesChart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include "analytics/FamilyTableModel.h"
#include "analytics/ParallelCoordinatesAxes.h"
#include "analytics/ParallelCoordinatesFrame.h"
#include "strategy/ChartStyle.h"
#include "strategy/LineageStyle.h"
#include "theme/Theme.h"

namespace strata {

namespace {

constexpr double pcLeftMargin = 40;
constexpr double pcRightMargin = 84; ///< room for the Sharpe scale
constexpr double pcTopMargin = 60;   ///< axis titles (two rows when crowded) and top values
constexpr double pcBottomMargin = 26;
constexpr double pcHitDistance = 6;

QColor pcMix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

double pcSegmentDistance(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double length = QPointF::dotProduct(ab, ab);
    const double t = length > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

} // namespace

ParallelCoordinatesChart::ParallelCoordinatesChart(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        m_cacheValid = false;
        update();
    });
}

void ParallelCoordinatesChart::resizeEvent(QResizeEvent* event)
{
    m_cacheValid = false;
    QWidget::resizeEvent(event);
}

void ParallelCoordinatesChart::setFamily(const FamilyView& family)
{
    m_axes.clear();
    m_ids.clear();
    m_names.clear();
    m_sharpe.clear();
    m_root = m_selected = m_hovered = -1;
    m_leftOut = 0;
    const QList<FamilyView::Member>& members = family.members;
    for (const FamilyView::Member& m : members) {
        if (m.strategyId == family.rootId)
            m_root = static_cast<int>(m_ids.size());
        m_ids << m.strategyId;
        m_names << QStringLiteral("%1 v%2").arg(m.name, m.version);
        m_sharpe << m.sharpe;
    }

    m_axes = ParallelCoordinatesAxes::build(family, maxParameterAxes, &m_leftOut);
    m_sharpeLow = std::numeric_limits<double>::infinity();
    m_sharpeHigh = -m_sharpeLow;
    for (double s : std::as_const(m_sharpe))
        if (std::isfinite(s)) {
            m_sharpeLow = std::min(m_sharpeLow, s);
            m_sharpeHigh = std::max(m_sharpeHigh, s);
        }
    if (!std::isfinite(m_sharpeLow))
        m_sharpeLow = m_sharpeHigh = 0;
    m_cacheValid = false;
    update();
}

QStringList ParallelCoordinatesChart::axisKeys() const
{
    QStringList keys;
    for (const Axis& axis : m_axes)
        keys << axis.key;
    return keys;
}

void ParallelCoordinatesChart::setSelectedMember(const QString& strategyId)
{
    const int index = static_cast<int>(m_ids.indexOf(strategyId));
    if (index == m_selected)
        return;
    m_selected = index;
    update();
}

QRectF ParallelCoordinatesChart::plotArea() const
{
    return QRectF(pcLeftMargin, pcTopMargin, std::max(10.0, width() - pcLeftMargin - pcRightMargin),
                  std::max(10.0, height() - pcTopMargin - pcBottomMargin));
}

double ParallelCoordinatesChart::axisX(int axis) const
{
    const QRectF area = plotArea();
    if (m_axes.size() < 2)
        return area.center().x();
    return area.left() + area.width() * axis / double(m_axes.size() - 1);
}

QPolygonF ParallelCoordinatesChart::lineOf(int member) const
{
    const QRectF area = plotArea();
    QPolygonF line;
    for (int a = 0; a < m_axes.size(); ++a) {
        const double v = m_axes.at(a).position.at(member);
        // A member without the value is drawn at the bottom, where missing values sit.
        line << QPointF(axisX(a), area.bottom() - (std::isfinite(v) ? v : 0) * area.height());
    }
    return line;
}

QPointF ParallelCoordinatesChart::pointOf(const QString& strategyId, int axis) const
{
    const qsizetype member = m_ids.indexOf(strategyId);
    if (member < 0 || axis < 0 || axis >= m_axes.size())
        return {};
    return lineOf(static_cast<int>(member)).at(axis);
}

QString ParallelCoordinatesChart::memberAt(const QPointF& at) const
{
    double best = pcHitDistance;
    int found = -1;
    for (int m = 0; m < m_ids.size(); ++m) {
        const QPolygonF line = lineOf(m);
        for (int i = 1; i < line.size(); ++i) {
            const double d = pcSegmentDistance(at, line.at(i - 1), line.at(i));
            if (d < best) {
                best = d;
                found = m;
            }
        }
    }
    return found < 0 ? QString() : m_ids.at(found);
}

QColor ParallelCoordinatesChart::colourOf(double sharpe) const
{
    if (!std::isfinite(sharpe))
        return chartstyle::referenceColour();
    const double span = m_sharpeHigh - m_sharpeLow;
    const double t = span > 0 ? (sharpe - m_sharpeLow) / span : 0.5;
    const QColor middle = chartstyle::darkTheme() ? QColor(0xb8, 0xa8, 0x7a) : QColor(0xc9, 0xa2, 0x27);
    return t < 0.5 ? pcMix(chartstyle::lossColour(), middle, t * 2)
                   : pcMix(middle, chartstyle::gainColour(), (t - 0.5) * 2);
}

void ParallelCoordinatesChart::paintCache()
{
    const qreal ratio = devicePixelRatioF();
    m_cache = QImage(size() * ratio, QImage::Format_ARGB32_Premultiplied);
    m_cache.setDevicePixelRatio(ratio);
    QPainter painter(&m_cache);
    painter.fillRect(rect(), chartstyle::backgroundColour());
    painter.setRenderHint(QPainter::Antialiasing, true);
    m_cacheValid = true;
    if (m_ids.isEmpty()) {
        painter.setPen(chartstyle::textColour());
        painter.drawText(rect(), Qt::AlignCenter, tr("No family to show"));
        return;
    }
    ParallelCoordinatesFrame::paintAxes(painter, m_axes, plotArea(), height());
    // One pixel wide, cosmetic: the raster engine draws those directly instead of filling an outline.
    // The lines go in colour bands, each band drawn in one call, the worst Sharpe first so that the best lie
    // on top (members without a Sharpe under all). A small family is drawn antialiased and translucent, so
    // that where lines crowd shows; a big one opaque and without antialiasing: blending thousands of lines
    // costs ten times more, and at that density the order by Sharpe is what reads.
    const bool crowd = m_ids.size() > antialiasedLines;
    const int alpha =
        crowd ? 255 : std::clamp(static_cast<int>(2400 / std::max<qsizetype>(1, m_ids.size())), 60, 200);
    constexpr int bands = 24;
    std::array<QList<QLineF>, bands + 1> lines; // the first for members without a Sharpe
    const double span = m_sharpeHigh - m_sharpeLow;
    for (int m = 0; m < m_ids.size(); ++m) {
        if (m == m_root)
            continue;
        const double sharpe = m_sharpe.at(m);
        const int band =
            !std::isfinite(sharpe) ? 0
            : span > 0 ? 1 + std::clamp(static_cast<int>((sharpe - m_sharpeLow) / span * bands), 0, bands - 1)
                       : 1 + bands / 2;
        const QPolygonF line = lineOf(m);
        for (int i = 1; i < line.size(); ++i)
            lines[static_cast<std::size_t>(band)] << QLineF(line.at(i - 1), line.at(i));
    }
    painter.setRenderHint(QPainter::Antialiasing, !crowd);
    for (int band = 0; band <= bands; ++band) {
        QColor colour =
            band == 0 ? chartstyle::referenceColour() : colourOf(m_sharpeLow + span * (band - 0.5) / bands);
        colour.setAlpha(alpha);
        QPen pen(colour, 1.0);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.drawLines(lines[static_cast<std::size_t>(band)]);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintLegend(painter);
}

void ParallelCoordinatesChart::paintEvent(QPaintEvent*)
{
    if (!m_cacheValid || m_cache.size() != size() * devicePixelRatioF())
        paintCache();
    QPainter painter(this);
    painter.drawImage(QPointF(0, 0), m_cache);
    if (m_ids.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_root >= 0 && m_root != m_selected) {
        paintLine(painter, m_root, chartstyle::textColour(), 4.2);
        paintLine(painter, m_root, colourOf(m_sharpe.at(m_root)), 2.4);
    }
    if (m_hovered >= 0 && m_hovered != m_selected)
        paintLine(painter, m_hovered, colourOf(m_sharpe.at(m_hovered)), 2.6);
    if (m_selected >= 0)
        paintLine(painter, m_selected, LineageStyle::accent(), 3.2);
}

void ParallelCoordinatesChart::paintLine(QPainter& painter, int member, const QColor& colour,
                                         double width) const
{
    QPen pen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    // A thin line as a cosmetic pen: drawn span by span, not filled as an outline.
    pen.setCosmetic(width <= 1.0);
    painter.setPen(pen);
    painter.drawPolyline(lineOf(member));
}

void ParallelCoordinatesChart::paintLegend(QPainter& painter) const
{
    const QRectF area = plotArea();
    const QFontMetricsF metrics(chartstyle::tickFont());
    const QRectF bar(width() - pcRightMargin + 40, area.top() + metrics.height() / 2, 12,
                     area.height() - metrics.height());
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 10; ++i)
        gradient.setColorAt(i / 10.0, colourOf(m_sharpeLow + (m_sharpeHigh - m_sharpeLow) * i / 10.0));
    painter.setPen(Qt::NoPen);
    painter.fillRect(bar, gradient);
    QFont bold = chartstyle::tickFont();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(chartstyle::textColour());
    painter.drawText(
        QRectF(bar.center().x() - 40, area.top() - 2 * metrics.height() - 6, 80, metrics.height()),
        Qt::AlignCenter, tr("Sharpe"));
    painter.setFont(chartstyle::tickFont());
    painter.drawText(QRectF(bar.left() - 38, bar.top() - metrics.height() / 2, 34, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, chartstyle::ratio(m_sharpeHigh, 1));
    painter.drawText(QRectF(bar.left() - 38, bar.bottom() - metrics.height() / 2, 34, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, chartstyle::ratio(m_sharpeLow, 1));
}

void ParallelCoordinatesChart::mouseMoveEvent(QMouseEvent* event)
{
    const int hovered = static_cast<int>(m_ids.indexOf(memberAt(event->position())));
    if (hovered != m_hovered) {
        m_hovered = hovered;
        update();
    }
    if (hovered >= 0)
        QToolTip::showText(
            event->globalPosition().toPoint(),
            tr("%1 — %2, Sharpe %3")
                .arg(m_ids.at(hovered), m_names.at(hovered), chartstyle::ratio(m_sharpe.at(hovered))),
            this);
    else
        QToolTip::hideText();
}

void ParallelCoordinatesChart::mousePressEvent(QMouseEvent* event)
{
    const QString member = memberAt(event->position());
    if (member.isEmpty() || event->button() != Qt::LeftButton)
        return;
    setSelectedMember(member);
    Q_EMIT memberClicked(member);
}

void ParallelCoordinatesChart::leaveEvent(QEvent*)
{
    if (m_hovered >= 0) {
        m_hovered = -1;
        update();
    }
}

} // namespace strata
