#pragma once

#include <QList>
#include <QString>

#include "review/sqlite/SqliteStepStatements.h"

namespace strata {

/// A table rebuild written by hand in one step, in either of its two shapes:
/// - copy first (SQLite's 12-step recipe, Atlas, Prisma, Django): CREATE TABLE new_x; INSERT INTO new_x
///   SELECT ... FROM x; DROP TABLE x; ALTER TABLE new_x RENAME TO x;
/// - rename first: ALTER TABLE x RENAME TO x_old; CREATE TABLE x; INSERT INTO x SELECT ... FROM x_old;
///   DROP TABLE x_old; which, since SQLite 3.26, points other tables' foreign keys, views and triggers at
///   x_old before dropping it.
struct SqliteRebuild
{
    QString table;   ///< the table rebuilt, as it is named before and after
    QString scratch; ///< new_x, or x_old
    bool renameFirst = false;
    int first = 0;  ///< the statement that starts it (CREATE TABLE new_x, or the RENAME)
    int copy = -1;  ///< the INSERT ... SELECT; -1 when the step copies no rows
    int drop = 0;   ///< the DROP TABLE
    int rename = 0; ///< the RENAME

    /// The rebuilds in a step's statements, in order.
    static QList<SqliteRebuild> find(const QList<SqliteStepStatement>& statements);
    /// Whether statement `index` is one of this rebuild's (so the drop is not a lost table).
    bool covers(int index) const
    {
        return index == first || index == copy || index == drop || index == rename;
    }
};

} // namespace strata
