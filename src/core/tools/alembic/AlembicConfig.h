#pragma once

#include <QMap>
#include <QString>

#include "common/Result.h"

namespace strata {

/// The `[alembic]` section of an alembic.ini, read as Python's configparser reads it (`key = value` or
/// `key: value`, `#` and `;` comment lines, indented continuation lines, `%(here)s`).
struct AlembicConfig
{
    QString path; ///< absolute path of the .ini file
    QMap<QString, QString> options;

    QString value(const QString& key) const { return options.value(key); }
    /// script_location as an absolute folder (relative paths and `%(here)s` from the .ini's folder).
    QString scriptLocation() const;
    /// version_locations as absolute folders; empty when the option is not set (then <script>/versions).
    /// An unknown version_path_separator is bad input, as it stops Alembic.
    Result<QStringList> versionLocations() const;
    /// A boolean option as configparser reads it (true, yes, on, 1).
    bool flag(const QString& key) const;

    /// Reads `iniPath`; an unreadable file or one without `[alembic]` script_location is bad input naming it.
    static Result<AlembicConfig> load(const QString& iniPath);
};

} // namespace strata
