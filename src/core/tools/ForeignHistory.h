#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "tools/ForeignRow.h"

namespace strata {

/// What one other tool's history table in a database says.
struct ForeignHistory
{
    QString tool;          ///< "dbmate"
    QString follows;       ///< the tool version whose table format is read: "dbmate 2.36.0"
    QString table;         ///< "schema_migrations"
    bool readOnly = false; ///< shown only: Strata never adopts nor writes this tool's history
    QString keepRunning;   ///< how the team applies migrations with that tool: "dbmate up"
    /// What the rows mean when they are not one row per applied migration (golang-migrate, Alembic).
    QString note;
    /// The table holds only the current version or revisions (golang-migrate, Alembic), not one row per
    /// applied migration: its rows are where the database is, not how many migrations it has.
    bool currentOnly = false;
    QString readError; ///< the table was recognised but could not be read
    QList<ForeignRow> rows;

    QList<ForeignRow> appliedRows() const;
    /// The rows that need the operator (dirty, failed, rolled back, unfinished).
    QList<ForeignRow> troubledRows() const;
    /// The newest applied_at of the applied rows, empty when the tool keeps no time.
    QString lastAppliedAt() const;
    /// "managed by dbmate: 3 migrations applied (20240101120000, ...), last at ..."
    QString summary() const;
};

} // namespace strata
