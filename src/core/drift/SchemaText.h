#pragma once

#include <QString>

#include "schema/TableInfo.h"

namespace strata {

/// Schema objects as a drift report shows them: one line each, in SQL words an operator knows.
class SchemaText
{
public:
    /// "numeric(12,2) NOT NULL DEFAULT 0".
    static QString column(const ColumnInfo& column);
    /// "UNIQUE btree (account_id, opened_at DESC) INCLUDE (qty) WHERE (closed = 0)".
    static QString index(const IndexInfo& index);
    /// "opened_at DESC", "lower(name) COLLATE \"C\"".
    static QString keyPart(const IndexKeyPart& part);
    /// "(account_id) REFERENCES public.accounts (id) ON DELETE CASCADE".
    static QString foreignKey(const ForeignKeyInfo& key);
    /// "(id integer NOT NULL, name text)": a table's columns.
    static QString table(const TableInfo& table);
};

} // namespace strata
