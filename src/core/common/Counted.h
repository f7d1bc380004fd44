#pragma once

#include <QString>

namespace strata {

/// "1 step", "3 steps": a count with its noun in the right number, for the texts the app shows.
inline QString counted(qint64 n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace strata
