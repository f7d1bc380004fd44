#pragma once

#include "review/postgres/PgStepState.h"

namespace strata {

/// pg-drop-table, pg-drop-column, pg-truncate (data lost) and pg-rename-table, pg-rename-column (running
/// clients break).
class PgDestructiveRules
{
public:
    static void dropTable(PgStepState& state, const PgStatement& s);
    static void dropColumn(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                           const QString& column);
    static void truncate(PgStepState& state, const PgStatement& s);
    static void rename(PgStepState& state, const PgStatement& s);
    /// A view under a name the step renamed away keeps the old name working: the rename finding goes.
    static void view(PgStepState& state, const PgStatement& s);
};

} // namespace strata
