#pragma once

#include <QString>
#include <QStringList>

namespace strata {

/// The columns a PostgreSQL plan's condition ("Filter", "Join Filter", "Hash Cond") compares, read with
/// PostgreSQL's own parser (libpg_query), in the order an index on them would serve best: the columns
/// compared with `=` (or IN, IS NULL) first, then those compared by range or pattern. A column qualified by
/// its alias ("o.account") is named without it. Empty when the text does not parse.
class FilterColumns
{
public:
    /// `relation`: only the columns qualified with that name (the alias a VERBOSE plan qualifies them with)
    /// or not qualified at all, as a join condition names both sides.
    static QStringList of(const QString& condition, const QString& relation = {});
};

} // namespace strata
