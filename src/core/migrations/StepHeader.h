#pragma once

#include <chrono>
#include <optional>

#include <QList>
#include <QString>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// A reference to a version ("2") or to one step of it ("2.1").
struct StepRef
{
    qint64 version = 0;
    int step = 0; ///< 0: the whole version
    QString text() const;
    static std::optional<StepRef> parse(const QString& text);
};

/// What the leading comment block of a step file says: the header of the numbered-SQL convention
/// (`-- Migration:`, `-- Description:`, `-- Created:`) and Strata's `-- strata:` directives.
struct StepHeader
{
    QString migration;
    QString description;
    QString created;
    QString phase;  ///< empty: the default phase
    QString option; ///< the config switch the step needs, empty if none
    bool noTransaction = false;
    std::optional<Dialect> dialect; ///< empty: any dialect
    QList<StepRef> requirements;
    /// `-- strata:lock-timeout 5s`: how long the step waits for a lock (0: no limit); empty: the config's.
    std::optional<std::chrono::milliseconds> lockTimeout;
    /// `-- strata:statement-timeout 10min`: how long one statement may run (0: no limit).
    std::optional<std::chrono::milliseconds> statementTimeout;

    /// Parses the comment lines at the top of `text`. An unknown `strata:` directive or a bad value is
    /// bad input naming `path` and the line, so a typo never silently changes how a step runs.
    static Result<StepHeader> parse(const QString& text, const QString& path, int firstLine = 1);
};

} // namespace strata
