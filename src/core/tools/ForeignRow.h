#pragma once

#include <QString>

namespace strata {

/// One migration as another tool recorded it in its history table, in that tool's own terms.
struct ForeignRow
{
    QString version;         ///< the tool's id of the migration: a file name, a timestamp, a revision
    QString name;            ///< its description or file, when the tool keeps one
    QString appliedAt;       ///< as the tool wrote it; empty when the tool keeps no time
    QString checksum;        ///< as the tool computes it; empty when it keeps none
    bool dirty = false;      ///< golang-migrate: a migration stopped part-way
    bool failed = false;     ///< Flyway, sqlx, Liquibase, Atlas: recorded as failed
    bool rolledBack = false; ///< Prisma's rolled_back_at, goose's is_applied = false
    bool finished = true;    ///< Prisma: finished_at is set
    /// Set when the tool's own state needs the operator before anything runs: what is wrong, and what to do.
    QString problem;
    QString remedy;

    /// Whether the tool counts this migration as in the database.
    bool applied() const { return finished && !dirty && !failed && !rolledBack; }
};

} // namespace strata
