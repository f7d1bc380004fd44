#pragma once

#include <QString>

namespace strata {

/// One row of schema_version_repeatables: what Strata knows of one repeatable script (Flyway's `R__`).
struct RepeatableRecord
{
    QString description; ///< the key: the script's description, as Flyway keys repeatables
    QString script;
    /// SHA-256 of the text of its last successful run; empty when it never finished.
    QString checksum;
    QString status; ///< started (dirty), applied, failed (rolled back with its transaction)
    bool transactional = true;
    QString startedAt;
    QString finishedAt;
    qint64 executionTimeMs = 0;
    QString appliedBy;
    QString host;
    QString toolVersion;
    int runs = 0; ///< successful runs so far
    QString errorMessage;

    bool isDirty() const { return status == QLatin1String("started"); }
};

} // namespace strata
