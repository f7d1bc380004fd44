#pragma once

#include <QString>
#include <QStringList>

#include "connection/Database.h"

namespace strata::test::compat {

/// A database's schema as lines to compare, catalog by catalog: tables, columns (type, nullability,
/// default, key), indexes, constraints and foreign keys, views, functions, triggers, sequences, enum
/// values, column comments, and the row count of each table. Each tool's own history table (and Strata's)
/// is left out, with everything that hangs on it, so that two databases migrated by different tools
/// compare equal when their schemas are.
class CompatCatalog
{
public:
    /// Sorted lines such as "column orders.qty | numeric(18,4) | not null | default: -"; one line starting
    /// with "ERROR" when a catalog query fails.
    static QStringList read(Database& db);
    /// Whether `table` is a history table of Strata or of a tool the corpus covers.
    static bool isHistoryTable(const QString& table);
    /// "only after Strata: ..." / "only after the tool: ..." lines; empty when both are equal.
    static QStringList differences(const QStringList& strata, const QStringList& tool);
};

} // namespace strata::test::compat
