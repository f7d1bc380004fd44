#pragma once

#include <QString>

namespace strata {

/// `text` for a button, check box, menu item or group title, drawn as written: Qt reads "&" there as the
/// mark of a keyboard shortcut, so a description such as "P&L" would be drawn "PL" with an underlined L
/// and steal Alt+L. Text from files and databases goes through this; the app's own labels keep their "&".
inline QString literalText(const QString& text)
{
    return QString(text).replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace strata
