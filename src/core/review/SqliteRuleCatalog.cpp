#include "review/SqliteRuleCatalog.h"

namespace strata {

namespace {

ReviewRule sqlite(const char* id, const char* title, ReviewSeverity severity, const char* squawk,
                  const char* strongMigrations, const char* atlas)
{
    return {QString::fromLatin1(id),     Dialect::Sqlite,
            QString::fromLatin1(title),  severity,
            QString::fromLatin1(squawk), QString::fromLatin1(strongMigrations),
            QString::fromLatin1(atlas)};
}

} // namespace

QList<ReviewRule> SqliteRuleCatalog::rules()
{
    using S = ReviewSeverity;
    return {
        sqlite(
            "sqlite-alter-unsupported",
            "an ALTER TABLE form SQLite does not have (ALTER COLUMN, ADD/DROP CONSTRAINT): refused, needs a "
            "rebuild",
            S::Block, "", "", ""),
        sqlite("sqlite-table-rebuild",
               "a table rebuilt by hand (create, copy, drop, rename): every row copied under the write lock",
               S::Warn, "", "", "sqlitecheck (the new_ table pattern read as a table change)"),
        sqlite(
            "sqlite-rebuild-renames-old-table",
            "a rebuild that renames the old table first: foreign keys, views and triggers follow it and are "
            "left pointing at a dropped table",
            S::Block, "", "", ""),
        sqlite("sqlite-add-column-not-null",
               "ADD COLUMN NOT NULL without a default: refused on a table with rows", S::Block,
               "adding-required-field", "", "MF103"),
        sqlite("sqlite-add-column-unique", "ADD COLUMN with UNIQUE or PRIMARY KEY: always refused", S::Block,
               "", "", ""),
        sqlite(
            "sqlite-add-column-non-constant-default",
            "ADD COLUMN with a non-constant default (CURRENT_TIMESTAMP, an expression): refused on a table "
            "with rows",
            S::Block, "adding-field-with-default", "add_column_default_callable", ""),
        sqlite("sqlite-add-column-stored",
               "ADD COLUMN ... STORED generated column: refused on a table with rows", S::Block, "", "", ""),
        sqlite("sqlite-index-build",
               "CREATE INDEX on a table with rows: the write lock held while every row is read and sorted",
               S::Warn, "require-concurrent-index-creation", "add_index", "MF101 (for UNIQUE)"),
        sqlite("sqlite-update-all-rows", "UPDATE without WHERE on a table with rows: one long write lock",
               S::Warn, "", "backfill (batch it)", ""),
        sqlite("sqlite-large-write",
               "UPDATE/DELETE whose WHERE matches more than 10,000 live rows, or that no index serves on a "
               "table of more than 100,000: one long write lock",
               S::Warn, "", "backfill (batch it)", ""),
        sqlite("sqlite-delete-all-rows", "DELETE without WHERE on a table with rows: every row gone",
               S::Block, "", "", ""),
        sqlite("sqlite-drop-table", "DROP TABLE: the table and its rows are gone", S::Block, "ban-drop-table",
               "", "DS102"),
        sqlite(
            "sqlite-drop-column",
            "DROP COLUMN: its data gone, every row rewritten under the write lock, clients reading it break",
            S::Block, "ban-drop-column", "remove_column", "DS103"),
        sqlite("sqlite-drop-column-unsupported", "DROP COLUMN on SQLite before 3.35.0: refused", S::Block, "",
               "", ""),
        sqlite(
            "sqlite-drop-column-refused",
            "DROP COLUMN of a column SQLite will not drop (PRIMARY KEY, UNIQUE, indexed, in a table FOREIGN "
            "KEY, CHECK or generated column, named by a view or trigger)",
            S::Block, "", "", ""),
        sqlite("sqlite-rename-column-unsupported", "RENAME COLUMN on SQLite before 3.25.0: refused", S::Block,
               "", "", ""),
        sqlite("sqlite-rename-column", "RENAME a column: running clients still use the old name", S::Warn,
               "renaming-column", "rename_column", "BC102"),
        sqlite("sqlite-rename-table", "RENAME a table: running clients still use the old name", S::Warn,
               "renaming-table", "rename_table", "BC101"),
        sqlite("sqlite-vacuum",
               "VACUUM: the whole file rewritten under an exclusive lock, twice its size free on disk, never "
               "inside a transaction",
               S::Warn, "", "", ""),
    };
}

} // namespace strata
