#pragma once

#include <QString>

#include "common/Result.h"

namespace strata {

/// A Flyway migration version ("2.1", "55_3") read as Flyway 10+'s MigrationVersion reads it, and its
/// place in Strata's (version, step) slot: version = the first part, step = 1 + p2 * 10^6 + p3 * 10^3 + p4.
/// The mapping keeps Flyway's order (parts compared as numbers, trailing zero parts ignored: 1.0 = 1) for
/// versions of up to four parts whose last three are below 1000; a finer version is refused. See
/// docs/decisions.md.
struct FlywayVersion
{
    QString text; ///< as Flyway shows it: underscores read as dots ("55.3")
    qint64 version = 0;
    int step = 1;

    /// `written` is the part of the file name between the prefix and "__". An error names `path`.
    static Result<FlywayVersion> parse(const QString& written, const QString& path);
};

} // namespace strata
