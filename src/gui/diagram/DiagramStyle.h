#pragma once

#include <QColor>
#include <QFont>

#include "theme/Theme.h"

namespace strata {

/// The ER diagram's look in one place. Sizes are scene units, which are Graphviz points: a box measured
/// here is the box Graphviz places.
struct DiagramStyle
{
    static constexpr double rowHeight = 20; ///< one column of a table, and the table's name
    static constexpr double markWidth = 26; ///< the PK/FK gutter on the left of each row
    static constexpr double padding = 8;    ///< inside a box, left and right
    static constexpr double typeGap = 18;   ///< between a column's name and its type
    static constexpr double minimumWidth = 150;
    static constexpr double cornerRadius = 4;
    static constexpr double margin = 24;      ///< around the whole picture
    static constexpr double labelPadding = 3; ///< around an edge's label

    static QFont headerFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(12);
        font.setBold(true);
        return font;
    }
    static QFont columnFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(11);
        return font;
    }
    static QFont markFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(8);
        font.setBold(true);
        return font;
    }
    static QFont labelFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(9);
        return font;
    }
    static QFont clusterFont()
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(12);
        font.setBold(true);
        return font;
    }

    // Colours: the light theme's, or on a dark palette (View > Theme) a dark canvas and boxes with light
    // text of the same hues. Read at paint time, so a theme switch only needs a repaint.
    static QColor header() { return pick(QColor(0x2c, 0x4a, 0x6e), QColor(0x2f, 0x52, 0x7a)); }
    static QColor headerText() { return Qt::white; }
    static QColor body() { return pick(Qt::white, QColor(0x2a, 0x2e, 0x33)); }
    static QColor stripe() { return pick(QColor(0xf4, 0xf6, 0xf9), QColor(0x31, 0x36, 0x3c)); }
    static QColor border() { return pick(QColor(0x8a, 0x99, 0xab), QColor(0x5f, 0x6b, 0x78)); }
    static QColor shadow() { return pick(QColor(0, 0, 0, 28), QColor(0, 0, 0, 90)); }
    static QColor columnText() { return pick(QColor(0x1f, 0x29, 0x33), QColor(0xe3, 0xe7, 0xec)); }
    static QColor typeText() { return pick(QColor(0x5f, 0x6b, 0x78), QColor(0xa3, 0xae, 0xba)); }
    static QColor primaryKey() { return pick(QColor(0xb8, 0x86, 0x0b), QColor(0xe0, 0xb3, 0x3c)); }
    static QColor foreignKey() { return pick(QColor(0x2a, 0x6f, 0xb8), QColor(0x7a, 0xb4, 0xf0)); }
    /// The PK/FK letters on their badge.
    static QColor markText() { return pick(Qt::white, QColor(0x1c, 0x1e, 0x21)); }
    static QColor edge() { return pick(QColor(0x6d, 0x7d, 0x8f), QColor(0x86, 0x96, 0xa8)); }
    static QColor edgeLabel() { return pick(QColor(0x4a, 0x56, 0x63), QColor(0xc0, 0xc9, 0xd3)); }
    /// Behind an edge's label, so that a line crossing it does not cross the text.
    static QColor labelFill() { return pick(QColor(255, 255, 255, 225), QColor(0x1c, 0x1e, 0x21, 225)); }
    static QColor accent() { return pick(QColor(0xe0, 0x7a, 0x10), QColor(0xf0, 0x93, 0x2b)); }
    /// An emphasised edge's label.
    static QColor accentText()
    {
        return pick(QColor(0xe0, 0x7a, 0x10).darker(120), QColor(0xf5, 0xa9, 0x55));
    }
    static QColor clusterFill() { return pick(QColor(0xee, 0xf2, 0xf7), QColor(0x24, 0x28, 0x2d)); }
    static QColor clusterBorder() { return pick(QColor(0xc2, 0xcc, 0xd8), QColor(0x4a, 0x55, 0x62)); }
    static QColor clusterText() { return pick(QColor(0x4a, 0x5a, 0x6d), QColor(0xaa, 0xb6, 0xc3)); }
    static QColor background() { return pick(QColor(0xfb, 0xfc, 0xfd), QColor(0x1b, 0x1d, 0x20)); }

private:
    static QColor pick(const QColor& light, const QColor& dark) { return Theme::isDark() ? dark : light; }
};

} // namespace strata
