#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// What SQLite's pragmas do not say about a table, read from its stored CREATE TABLE: constraint names,
/// CHECK constraints, generation expressions and WITHOUT ROWID.
struct SqliteTableDdl
{
    struct Column
    {
        QString name;
        QString generated; ///< the expression of GENERATED ALWAYS AS (...), empty otherwise
    };
    /// A constraint as declared, on the table or on one column (then `columns` is that column).
    struct Constraint
    {
        QString name; ///< empty when unnamed
        QString kind; ///< "PRIMARY KEY", "UNIQUE", "CHECK", "FOREIGN KEY"
        QStringList columns;
        QString definition; ///< for CHECK: "CHECK (expression)"
    };
    QList<Column> columns;
    QList<Constraint> constraints;
    bool withoutRowid = false;

    const Column* column(const QString& name) const;
    /// The declared constraint of `kind` on exactly `columns` (compared as SQLite does, ignoring case).
    const Constraint* constraint(const QString& kind, const QStringList& columns) const;
};

/// What the pragmas do not say about an index, read from its CREATE INDEX: the text of expression parts and
/// the WHERE of a partial index.
struct SqliteIndexDdl
{
    QStringList keys; ///< each key part's expression or column, without COLLATE and ASC/DESC
    QString where;    ///< the predicate of a partial index, empty otherwise
};

/// Reads SQLite's stored CREATE statements with a small tokenizer that knows SQLite's quoting ('', "", ``,
/// []) and comments, so commas and parentheses inside strings or names never split a definition.
class SqliteDdl
{
public:
    static SqliteTableDdl parseTable(const QString& createTable);
    static SqliteIndexDdl parseIndex(const QString& createIndex);
    /// A name as written in SQL ("we""ird", `x`, [x], 'x') back to the name itself.
    static QString unquote(const QString& identifier);
};

} // namespace strata
