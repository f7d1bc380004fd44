#include "review/PostgresRuleCatalog.h"

namespace strata {

namespace {

ReviewRule pg(const char* id, const char* title, ReviewSeverity severity, const char* squawk,
              const char* strongMigrations, const char* atlas)
{
    return {QString::fromLatin1(id),     Dialect::Postgres,
            QString::fromLatin1(title),  severity,
            QString::fromLatin1(squawk), QString::fromLatin1(strongMigrations),
            QString::fromLatin1(atlas)};
}

} // namespace

QList<ReviewRule> PostgresRuleCatalog::rules()
{
    using S = ReviewSeverity;
    return {
        pg("pg-lock", "the lock a statement takes on a table", S::Info, "", "", ""),
        pg("pg-unparsed-statement", "a statement PostgreSQL's parser (libpg_query) cannot read", S::Warn,
           "syntax-error", "", ""),
        pg("pg-index-not-concurrent", "CREATE INDEX without CONCURRENTLY on a table with rows", S::Block,
           "require-concurrent-index-creation", "add_index", "concurrent_index (check_create)"),
        pg("pg-drop-index-not-concurrent", "DROP INDEX without CONCURRENTLY", S::Warn,
           "require-concurrent-index-deletion", "remove_index", "concurrent_index (check_drop)"),
        pg("pg-column-type-change", "ALTER COLUMN TYPE: a rewrite under ACCESS EXCLUSIVE, and clients break",
           S::Block, "changing-column-type", "change_column", ""),
        pg("pg-volatile-default", "ADD COLUMN with a volatile default: a rewrite under ACCESS EXCLUSIVE",
           S::Block, "adding-field-with-default", "add_column_default_callable", ""),
        pg("pg-set-not-null", "SET NOT NULL: a full scan under ACCESS EXCLUSIVE", S::Block,
           "adding-not-nullable-field", "change_column_null_postgresql", "MF104"),
        pg("pg-not-null-column-without-default", "ADD COLUMN NOT NULL without a default on a table with rows",
           S::Block, "adding-required-field", "", "MF103"),
        pg("pg-check-not-valid", "ADD CHECK without NOT VALID: a full scan under ACCESS EXCLUSIVE", S::Block,
           "constraint-missing-not-valid", "add_check_constraint", ""),
        pg("pg-foreign-key-not-valid",
           "ADD FOREIGN KEY without NOT VALID: both tables locked SHARE ROW EXCLUSIVE for a full scan",
           S::Block, "adding-foreign-key-constraint", "add_foreign_key", ""),
        pg("pg-unique-without-index",
           "ADD UNIQUE / PRIMARY KEY without USING INDEX: an index built under ACCESS EXCLUSIVE", S::Block,
           "disallowed-unique-constraint", "add_unique_constraint", "MF101"),
        pg("pg-drop-table", "DROP TABLE: the table and its rows are gone", S::Block, "ban-drop-table", "",
           "DS102"),
        pg("pg-drop-column", "DROP COLUMN: the column's data is gone and clients reading it break", S::Block,
           "ban-drop-column", "remove_column", "DS103"),
        pg("pg-truncate", "TRUNCATE: every row is gone, under ACCESS EXCLUSIVE", S::Block,
           "ban-truncate-cascade (CASCADE only)", "", ""),
        pg("pg-rename-table", "RENAME a table: running clients still use the old name", S::Warn,
           "renaming-table", "rename_table", "BC101"),
        pg("pg-rename-column", "RENAME a column: running clients still use the old name", S::Warn,
           "renaming-column", "rename_column", "BC102"),
        pg("pg-enum-value-in-transaction",
           "ALTER TYPE ... ADD VALUE whose value the same transaction uses: PostgreSQL refuses it", S::Block,
           "", "", ""),
        pg("pg-missing-lock-timeout", "a strong lock requested without lock_timeout set first", S::Warn,
           "require-lock-timeout", "", ""),
        pg("pg-work-after-exclusive-lock",
           "more statements after an ACCESS EXCLUSIVE lock in the same transaction", S::Warn, "", "", ""),
    };
}

} // namespace strata
