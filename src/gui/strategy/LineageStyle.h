#pragma once

#include <optional>

#include <QColor>
#include <QFont>

#include "strategy/StrategyStatus.h"

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

    static QColor body() { return Qt::white; }
    static QColor border() { return QColor(0x8a, 0x99, 0xab); }
    static QColor nameText() { return QColor(0x1f, 0x29, 0x33); }
    static QColor detailText() { return QColor(0x5b, 0x67, 0x75); }
    static QColor link() { return QColor(0x6d, 0x7d, 0x8f); }
    static QColor linkLabel() { return QColor(0x4a, 0x56, 0x63); }
    static QColor accent() { return QColor(0xe0, 0x7a, 0x10); }  ///< selection and search matches
    static QColor problem() { return QColor(0xc6, 0x28, 0x28); } ///< anything marked as a problem
    static QColor problemFill() { return QColor(0xfd, 0xec, 0xea); }
    static QColor background() { return QColor(0xfb, 0xfc, 0xfd); }
};

} // namespace strata
