#pragma once

#include <QColor>
#include <QFont>

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

    static QColor header() { return QColor(0x2c, 0x4a, 0x6e); }
    static QColor headerText() { return Qt::white; }
    static QColor body() { return Qt::white; }
    static QColor stripe() { return QColor(0xf4, 0xf6, 0xf9); }
    static QColor border() { return QColor(0x8a, 0x99, 0xab); }
    static QColor columnText() { return QColor(0x1f, 0x29, 0x33); }
    static QColor typeText() { return QColor(0x6b, 0x77, 0x85); }
    static QColor primaryKey() { return QColor(0xb8, 0x86, 0x0b); }
    static QColor foreignKey() { return QColor(0x2a, 0x6f, 0xb8); }
    static QColor edge() { return QColor(0x6d, 0x7d, 0x8f); }
    static QColor edgeLabel() { return QColor(0x4a, 0x56, 0x63); }
    static QColor accent() { return QColor(0xe0, 0x7a, 0x10); }
    static QColor clusterFill() { return QColor(0xee, 0xf2, 0xf7); }
    static QColor clusterBorder() { return QColor(0xc2, 0xcc, 0xd8); }
    static QColor clusterText() { return QColor(0x4a, 0x5a, 0x6d); }
    static QColor background() { return QColor(0xfb, 0xfc, 0xfd); }
};

} // namespace strata
