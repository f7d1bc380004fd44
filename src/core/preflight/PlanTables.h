#pragma once

#include <QList>
#include <QStringList>

#include "migrations/MigrationStep.h"

namespace strata {

/// The tables the pending steps name, found in their SQL by a simple reading of the statements that lock a
/// table (ALTER/DROP/TRUNCATE/LOCK TABLE, CREATE INDEX ... ON, INSERT INTO, UPDATE, DELETE FROM, REFERENCES,
/// DROP INDEX's index, which the catalog maps to its table). Names keep their schema and quotes as written.
class PlanTables
{
public:
    static QStringList of(const QList<MigrationStep>& steps);
    static QStringList ofScript(const QByteArray& sql);
};

} // namespace strata
