#pragma once

#include <QList>

#include "drift/DriftItem.h"
#include "schema/SchemaSnapshot.h"

namespace strata {

/// Compares the catalog the migrations build (expected) with the live one (actual): missing and extra
/// tables, and inside tables what TableDiff compares; views, triggers, sequences and enum types. Strata's
/// own history tables (schema_version*) are never drift. The result is in DriftItem::before order.
class SchemaDiff
{
public:
    static QList<DriftItem> compare(const SchemaSnapshot& expected, const SchemaSnapshot& actual);
    /// Whether a table is one of Strata's history tables (schema_version, schema_version_steps…).
    static bool isHistoryTable(const QString& name);
};

} // namespace strata
