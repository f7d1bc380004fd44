#pragma once

#include <optional>

#include <QColor>
#include <QFont>

#include "strategy/StrategyStatus.h"
#include "theme/Theme.h"

namespace strata {

/// The lineage view's look in one place. Sizes are scene units, which are Graphviz points: a box measured
/// here is the box Graphviz places.
struct LineageStyle
{
    static constexpr double nameHeight = 20;   ///< the strategy's name row
    static constexpr double detailHeight = 16; ///< the version and status row
    static constexpr double statusBand = 6;    ///< the status colour down the left of a box
    static constexpr double padding = 8;       ///< inside a box, left and right
    static constexpr double minimumWidth = 120;
    static constexpr double cornerRadius = 4;
    static constexpr double margin = 24;          ///< around the whole picture
    static constexpr double labelPadding = 3;     ///< around a link's relationship label
    static constexpr double dimmedOpacity = 0.14; ///< what is outside a focus

    static QFont nameFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(12);
        font.setBold(true);
        return font;
    }
    static QFont detailFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(10);
        return font;
    }
    static QFont labelFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(9);
        return font;
    }

    /// The colour of a status; an unknown status (nullopt) has the problem colour.
    static QColor statusColour(std::optional<StrategyStatus> status)
    {
        if (!status)
            return problem();
        switch (*status) {
        case StrategyStatus::Experimental:
            return QColor(0x8e, 0x6c, 0xc4);
        case StrategyStatus::Testing:
            return QColor(0xe0, 0x9a, 0x1f);
        case StrategyStatus::Production:
            return QColor(0x2e, 0x8b, 0x57);
        case StrategyStatus::Retired:
            return QColor(0x7d, 0x87, 0x92);
        case StrategyStatus::Deprecated:
            return QColor(0xa8, 0x4a, 0x3c);
        }
        return problem();
    }

    // Colours: the light theme's, or on a dark palette (View > Theme) a dark canvas and boxes with light
    // text of the same hues. Read at paint time, so a theme switch only needs a repaint.
    static QColor body() { return pick(Qt::white, QColor(0x2a, 0x2e, 0x33)); }
    static QColor border() { return pick(QColor(0x8a, 0x99, 0xab), QColor(0x5f, 0x6b, 0x78)); }
    static QColor nameText() { return pick(QColor(0x1f, 0x29, 0x33), QColor(0xe3, 0xe7, 0xec)); }
    static QColor detailText() { return pick(QColor(0x5b, 0x67, 0x75), QColor(0xa9, 0xb4, 0xbf)); }
    static QColor link() { return pick(QColor(0x6d, 0x7d, 0x8f), QColor(0x86, 0x96, 0xa8)); }
    static QColor linkLabel() { return pick(QColor(0x4a, 0x56, 0x63), QColor(0xc0, 0xc9, 0xd3)); }
    /// Behind a link's label, so that a line crossing it does not cross the text.
    static QColor labelFill() { return pick(QColor(255, 255, 255, 225), QColor(0x1c, 0x1e, 0x21, 225)); }
    static QColor accent()
    {
        return pick(QColor(0xe0, 0x7a, 0x10), QColor(0xf0, 0x93, 0x2b));
    } ///< selection, matches
    static QColor problem()
    {
        return pick(QColor(0xc6, 0x28, 0x28), QColor(0xef, 0x6f, 0x6c));
    } ///< a problem
    static QColor problemFill() { return pick(QColor(0xfd, 0xec, 0xea), QColor(0x3f, 0x25, 0x25)); }
    /// A marked or emphasised link's label: `colour` (the link's) made readable on labelFill().
    static QColor labelText(const QColor& colour)
    {
        return Theme::isDark() ? colour.lighter(115) : colour.darker(115);
    }
    /// The "!" on a problem badge.
    static QColor badgeText() { return pick(Qt::white, QColor(0x1c, 0x1e, 0x21)); }
    static QColor background() { return pick(QColor(0xfb, 0xfc, 0xfd), QColor(0x1b, 0x1d, 0x20)); }

private:
    static QColor pick(const QColor& light, const QColor& dark) { return Theme::isDark() ? dark : light; }
};

} // namespace strata
