#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "migrations/MigrationStep.h"

namespace strata {

/// What the layouts share when they read a file: numbers in names, dialect suffixes, whether a script holds
/// a statement, and the header comments every forward file may carry.
struct LayoutText
{
    /// "(?:\.(sqlite|postgresql|postgres))?": Strata's dialect suffix before ".sql" / ".down.sql".
    static QString dialectSuffixPattern();
    static std::optional<Dialect> dialectFromSuffix(const QString& suffix);

    /// A version or step number of a file name. A number too large to hold clears `fits` (toLongLong()
    /// would read it as 0, and a few digits too many must never make a step version 0).
    static qint64 number(const QString& digits, qint64 max, bool& fits);
    static Error numberTooLarge(const QString& path);

    /// Whether a script holds anything but comments, whitespace and semicolons.
    static bool hasStatements(QByteArrayView sql);

    /// The key a forward file and its rollback file share: version, step, the dialect of the file name, and
    /// name (and, in Strata's own layout, the version folder's name).
    static QString pairKey(const MigrationStep& step, std::optional<Dialect> nameDialect);

    /// Fills what every forward file gives its step: checksum of the exact bytes, the header comments and
    /// `strata:` directives of its leading comment block, and the dialect its name carries (which must
    /// agree with a `strata:dialect` directive).
    static Status readHeader(MigrationStep& step, const QByteArray& bytes,
                             std::optional<Dialect> nameDialect);
};

} // namespace strata
