#pragma once

#include "review/postgres/PgStepState.h"

namespace strata {

/// The column changes of ALTER TABLE: pg-volatile-default and pg-not-null-column-without-default (ADD
/// COLUMN), pg-column-type-change, pg-set-not-null.
class PgColumnRules
{
public:
    static void addColumn(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                          const QJsonObject& columnDef);
    static void columnType(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                           const QString& column, const QJsonObject& columnDef);
    static void setNotNull(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                           const QString& column);
};

} // namespace strata
