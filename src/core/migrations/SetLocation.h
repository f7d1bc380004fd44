#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>

namespace strata {

/// Where a migration set lives, as the operator knows it: "bundled demo set risk_state" for a set built
/// into the app (a ":/migrations/..." Qt resource, which is no folder they could open), else the folder's
/// path in the platform's own notation.
/// Whether `folder` is a set built into the app (a Qt resource), not a folder on disk.
inline bool isBundledSet(const QString& folder)
{
    return folder.startsWith(QLatin1String(":/"));
}

inline QString setLocation(const QString& folder)
{
    if (isBundledSet(folder))
        return QStringLiteral("bundled demo set %1").arg(QFileInfo(folder).fileName());
    return QDir::toNativeSeparators(folder);
}

} // namespace strata
