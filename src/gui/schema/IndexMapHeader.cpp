#include "schema/IndexMapHeader.h"

#include <QPainter>
#include <QPainterPath>

#include "theme/Theme.h"

namespace strata {

namespace {

constexpr int kPadding = 8;
constexpr int kGap = 4;
constexpr int kBadgeSpacing = 4;
constexpr int kBadgePadding = 5;
constexpr int kMaxWidth = 280;

} // namespace

IndexMapHeader::IndexMapHeader(QWidget* parent) : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(false);
    setHighlightSections(false);
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignTop);
}

QPair<QColor, QColor> IndexMapHeader::badgeColors(const QString& badge)
{
    // Dark letters on a pale fill; on the dark theme pale letters on a deep fill of the same hue.
    const bool dark = Theme::isDark();
    const auto pair = [dark](QColor text, QColor fill, QColor darkText, QColor darkFill) {
        return dark ? QPair<QColor, QColor>{darkText, darkFill} : QPair<QColor, QColor>{text, fill};
    };
    if (badge == QLatin1String("INVALID"))
        return {Qt::white, QColor(0xc6, 0x28, 0x28)};
    if (badge == QLatin1String("PK"))
        return pair(QColor(0x4a, 0x14, 0x8c), QColor(0xed, 0xe7, 0xf6), QColor(0xdc, 0xcd, 0xf6),
                    QColor(0x3d, 0x2b, 0x5e));
    if (badge == QLatin1String("UNIQUE"))
        return pair(QColor(0x0d, 0x47, 0xa1), QColor(0xe3, 0xf2, 0xfd), QColor(0xcf, 0xe4, 0xfb),
                    QColor(0x1d, 0x3a, 0x5c));
    if (badge == QLatin1String("PARTIAL"))
        return pair(QColor(0xe6, 0x51, 0x00), QColor(0xff, 0xf3, 0xe0), QColor(0xff, 0xc9, 0x8f),
                    QColor(0x4a, 0x30, 0x18));
    if (badge == QLatin1String("DUPLICATE") || badge == QLatin1String("PREFIX") ||
        badge == QLatin1String("UNUSED"))
        return pair(QColor(0x7a, 0x4f, 0x01), QColor(0xff, 0xec, 0xb3), QColor(0xff, 0xe0, 0x8a),
                    QColor(0x46, 0x3a, 0x12));
    return pair(QColor(0x00, 0x4d, 0x40), QColor(0xe0, 0xf2, 0xf1), QColor(0xa7, 0xe3, 0xdc),
                QColor(0x17, 0x3d, 0x38)); // the access method
}

QFont IndexMapHeader::nameFont() const
{
    QFont font = this->font();
    font.setBold(true);
    return font;
}

QFont IndexMapHeader::badgeFont() const
{
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setBold(true);
    return font;
}

int IndexMapHeader::lineHeight() const
{
    return QFontMetrics(font()).height();
}

QSize IndexMapHeader::sectionSizeFromContents(int logicalIndex) const
{
    if (!model())
        return QHeaderView::sectionSizeFromContents(logicalIndex);
    const QString name = model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    const QStringList badges = model()->headerData(logicalIndex, orientation(), BadgesRole).toStringList();
    const QString detail = model()->headerData(logicalIndex, orientation(), DetailRole).toString();
    const QFontMetrics badgeMetrics(badgeFont());
    int badgesWidth = 0;
    for (const QString& badge : badges)
        badgesWidth += badgeMetrics.horizontalAdvance(badge) + 2 * kBadgePadding + kBadgeSpacing;
    // A few pixels to spare: eliding measures glyph by glyph and cut names that horizontalAdvance said fit.
    const int width = std::max({QFontMetrics(nameFont()).horizontalAdvance(name), badgesWidth,
                                QFontMetrics(font()).horizontalAdvance(detail)}) +
                      2 * kPadding + 8;
    const int height = 2 * kPadding + lineHeight() + kGap + badgeMetrics.height() + 4 + kGap + lineHeight();
    return {std::min(width, kMaxWidth), height};
}

void IndexMapHeader::paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const
{
    if (!rect.isValid() || !model())
        return;
    painter->save();
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.rect = rect;
    option.section = logicalIndex;
    style()->drawControl(QStyle::CE_HeaderSection, &option, painter, this);

    const QString name = model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    const QStringList badges = model()->headerData(logicalIndex, orientation(), BadgesRole).toStringList();
    const QString detail = model()->headerData(logicalIndex, orientation(), DetailRole).toString();
    const QRect inner = rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    int y = inner.top();

    painter->setFont(nameFont());
    painter->setPen(palette().color(QPalette::ButtonText));
    const QString elided = QFontMetrics(nameFont()).elidedText(name, Qt::ElideMiddle, inner.width());
    painter->drawText(QRect(inner.left(), y, inner.width(), lineHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                      elided);
    y += lineHeight() + kGap;

    painter->setFont(badgeFont());
    const QFontMetrics badgeMetrics(badgeFont());
    const int badgeHeight = badgeMetrics.height() + 4;
    int x = inner.left();
    painter->setRenderHint(QPainter::Antialiasing);
    for (const QString& badge : badges) {
        const int width = badgeMetrics.horizontalAdvance(badge) + 2 * kBadgePadding;
        const QRect pill(x, y, width, badgeHeight);
        const auto [text, background] = badgeColors(badge);
        QPainterPath path;
        path.addRoundedRect(QRectF(pill), 3, 3);
        painter->fillPath(path, background);
        painter->setPen(text);
        painter->drawText(pill, Qt::AlignCenter, badge);
        x += width + kBadgeSpacing;
    }
    y += badgeHeight + kGap;

    painter->setFont(font());
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(QRect(inner.left(), y, inner.width(), lineHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font()).elidedText(detail, Qt::ElideRight, inner.width()));
    painter->restore();
}

} // namespace strata
