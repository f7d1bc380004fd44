#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include "review/sqlite/SqliteColumnDefinition.h"

namespace strata {

/// What one SQLite statement of a step does, read from SQLite's tokens (keywords, names in any of the four
/// quotings "x" `x` [x] 'x', strings, comments), never from the raw text: a keyword inside a string, a
/// comment or a quoted name never changes what a statement is.
struct SqliteStatement
{
    enum class Kind {
        Other,
        CreateTable,
        CreateIndex,
        CreateView,
        CreateTrigger,
        DropTable,
        DropIndex,
        DropView,
        DropTrigger,
        AddColumn,
        DropColumn,
        RenameColumn,
        RenameTable,
        /// An ALTER TABLE form SQLite does not have (ALTER COLUMN, ADD CONSTRAINT, DROP CONSTRAINT, ...):
        /// SQLite refuses it; the change needs a table rebuild.
        AlterUnsupported,
        Insert,
        Update,
        Delete,
        Vacuum,
        Pragma,
        Transaction ///< BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE
    };

    Kind kind = Kind::Other;
    QString schema;  ///< "main", "temp", an attached schema; empty when the statement names none
    QString table;   ///< the table acted on (unquoted); for CREATE INDEX the indexed table
    QString name;    ///< the object created or dropped (index, view, trigger, table), unquoted
    QString column;  ///< ADD/DROP/RENAME COLUMN: the column (RENAME: the old name)
    QString newName; ///< RENAME TO / RENAME COLUMN ... TO
    bool temporary = false;
    bool ifExists = false;
    bool unique = false;   ///< CREATE UNIQUE INDEX
    bool hasWhere = false; ///< UPDATE/DELETE with a WHERE of their own (not one inside a subquery)
    bool hasLimit = false; ///< UPDATE/DELETE ... LIMIT
    bool hasFrom = false;  ///< UPDATE ... FROM
    QString alias;         ///< UPDATE/DELETE: the table's alias, for counting the rows of the WHERE
    QString where;         ///< UPDATE/DELETE: the condition's text
    QString sourceTable;   ///< INSERT ... SELECT ... FROM x: x (unquoted)
    bool insertSelect = false;
    QString unsupported; ///< AlterUnsupported: the words SQLite refuses, "ALTER COLUMN"
    QString pragma;      ///< PRAGMA name (lower case)
    QString pragmaValue; ///< PRAGMA name = value / name(value): the value as written
    bool vacuumInto = false;
    SqliteColumnDefinition added; ///< AddColumn: the definition
    QString columnText;           ///< AddColumn: the definition as written
    /// UPDATE: each `column = expression` of its SET, as written ("(a, b) = (...)" stays one).
    QList<QPair<QString, QString>> assignments;
    qsizetype whereAt = -1; ///< UPDATE/DELETE: offset of the WHERE keyword in the text, -1 without one
    qsizetype bodyEnd = 0;  ///< offset just after the statement's last token before its semicolon

    static SqliteStatement classify(const QString& sql);
    /// "ALTER TABLE ... ADD COLUMN", for messages.
    static QString kindName(Kind kind);
};

} // namespace strata
