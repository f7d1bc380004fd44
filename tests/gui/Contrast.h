// Readability on grabs of real widgets: the WCAG contrast ratio of the text a piece of a widget shows
// against what it is drawn on, for the tests that check a view in the light and the dark theme.
#pragma once

#include <cmath>

#include <QColor>
#include <QHash>
#include <QImage>
#include <QRect>
#include <QString>

namespace strata::test {

constexpr double readableContrast = 4.5; ///< WCAG AA for normal text

inline double channel(int value)
{
    const double v = value / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

inline double luminance(const QColor& c)
{
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

inline double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// What a piece of a grab shows: the colour it is drawn on (the commonest pixel) and the text on it (the
/// pixel that stands out most from that).
struct Drawn
{
    QColor ground;
    QColor ink;
    double ratio = 1;
    QString describe(const QString& what) const
    {
        return QStringLiteral("%1: %2 on %3, contrast %4")
            .arg(what, ink.name(), ground.name())
            .arg(ratio, 0, 'f', 2);
    }
};

inline Drawn drawn(const QImage& image, const QRect& area)
{
    const QRect inside = area.intersected(image.rect());
    QHash<QRgb, int> counts;
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000];
    Drawn d;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            d.ground = QColor::fromRgb(it.key());
        }
    d.ink = d.ground;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (const double c = contrast(QColor::fromRgb(it.key()), d.ground); c > d.ratio) {
            d.ratio = c;
            d.ink = QColor::fromRgb(it.key());
        }
    return d;
}

/// The commonest colour of a whole widget: its background.
inline QColor background(const QImage& image)
{
    return drawn(image, image.rect()).ground;
}

inline bool isDark(const QColor& c)
{
    return c.lightness() < 90;
}

inline bool isLight(const QColor& c)
{
    return c.lightness() > 200;
}

} // namespace strata::test
