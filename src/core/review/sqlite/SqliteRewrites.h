#pragma once

#include <QString>

#include "review/sqlite/SqliteStatement.h"

namespace strata {

/// The safe rewrites the SQLite review offers, as SQL that replaces the statement (or, for a rebuild, the
/// step), built from the statement and, where it helps, the live table's CREATE TABLE.
class SqliteRewrites
{
public:
    /// Rows one batch of a batched UPDATE or DELETE changes: short enough that the write lock is released
    /// between batches within milliseconds.
    static constexpr int kBatchRows = 10'000;

    /// SQLite's 12-step rebuild (lang_altertable.html, "other kinds of table schema changes") of `table`
    /// through `scratch`: foreign keys off outside the transaction, `dropFirst` (the views and other tables'
    /// triggers that name the table: since 3.26 the rename checks them and fails while the table is gone),
    /// `create` (CREATE TABLE scratch ...), `copy` (INSERT INTO scratch ... SELECT ... FROM table; none when
    /// empty), drop, rename, `createAfter` (indexes, triggers, those views), foreign_key_check, commit.
    static QString rebuildRecipe(const QString& table, const QString& scratch, const QString& create,
                                 const QString& copy, const QStringList& dropFirst,
                                 const QStringList& createAfter);
    /// INSERT INTO scratch (columns) SELECT columns FROM table.
    static QString copyOf(const QString& table, const QString& scratch, const QStringList& columns);
    /// An INSERT ... SELECT with its target table and its first FROM table replaced.
    static QString retargetedCopy(const QString& insertSelect, const QString& into, const QString& from);
    /// ADD COLUMN ... NOT NULL DEFAULT <a constant of the column's type>: SQLite stores the default in the
    /// schema and rewrites no row.
    static QString addColumnWithConstantDefault(const QString& table, const SqliteColumnDefinition& column);
    /// ADD COLUMN without the UNIQUE/PRIMARY KEY, then CREATE UNIQUE INDEX on it.
    static QString addColumnThenUniqueIndex(const QString& table, const SqliteColumnDefinition& column,
                                            const QString& columnText);
    /// ADD COLUMN without the default, then a batched UPDATE setting it.
    static QString addColumnThenBackfill(const QString& table, const SqliteColumnDefinition& column,
                                         const QString& columnText);
    /// The UPDATE or DELETE limited to one batch of rows by rowid, or by `key` (the primary key of a WITHOUT
    /// ROWID table) when given (repeat until it changes no row).
    static QString batched(const QString& statement, const SqliteStatement& what, const QStringList& key);
    /// "rowid", "\"id\"", or "(\"a\", \"b\")" for a row value.
    static QString rowKey(const QStringList& key);
    /// The column without the named constraint words (UNIQUE, PRIMARY KEY, DEFAULT x), as written otherwise.
    static QString columnWithout(const QString& columnText, const SqliteColumnDefinition& column,
                                 bool withoutDefault);
    /// `CREATE TABLE "x" (...)` with the table's name replaced by `newName`.
    static QString renamedCreate(const QString& createTable, const QString& newName);
};

} // namespace strata
