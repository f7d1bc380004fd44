#pragma once

#include <QString>

namespace strata {

class SqliteTokens;

/// What `ALTER TABLE ... ADD COLUMN` adds, read from the column definition's tokens: what SQLite checks
/// before it accepts the column (sqlite3AlterFinishAddColumn): NOT NULL needs a non-NULL default, a default
/// must be a constant, and no UNIQUE, PRIMARY KEY or STORED generated column.
struct SqliteColumnDefinition
{
    enum class Default {
        None,       ///< no DEFAULT clause: existing rows read NULL
        Null,       ///< DEFAULT NULL, DEFAULT (NULL)
        Constant,   ///< a literal, a signed number, TRUE/FALSE, a bare word (SQLite reads it as a string), a
                    ///< CAST of one: SQLite stores it in the schema and rewrites nothing
        NonConstant ///< CURRENT_TIMESTAMP, a function call, arithmetic: refused on a table with rows
    };

    QString name;
    QString type;        ///< as declared, "" when none
    QString defaultText; ///< the default's expression as written
    Default defaultKind = Default::None;
    bool notNull = false;
    bool unique = false;
    bool primaryKey = false;
    bool references = false; ///< REFERENCES parent(...)
    bool check = false;
    bool generated = false; ///< GENERATED ALWAYS AS (...) / AS (...)
    bool stored = false;    ///< a generated column declared STORED

    /// Reads tokens [first, last] of `tokens`: the column's name, its type, then its constraints.
    static SqliteColumnDefinition read(const SqliteTokens& tokens, int first, int last);
    /// A default value that an existing row can take: neither absent nor NULL.
    bool hasValueDefault() const
    {
        return defaultKind == Default::Constant || defaultKind == Default::NonConstant;
    }
};

} // namespace strata
