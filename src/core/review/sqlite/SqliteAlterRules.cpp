#include "review/sqlite/SqliteAlterRules.h"

#include "review/sqlite/SqliteLiveSchema.h"
#include "review/sqlite/SqliteRewrites.h"

namespace strata {

namespace {

using S = ReviewSeverity;

} // namespace

void SqliteAlterRules::alterUnsupported(SqliteFindings& findings, const SqliteStepStatement& s)
{
    ReviewFinding& f = findings.add("sqlite-alter-unsupported", S::Block, s, s.what.table);
    f.message =
        QStringLiteral("SQLite has no ALTER TABLE ... %1: it refuses this statement (its ALTER TABLE only "
                       "renames, adds and drops columns and renames tables). The change needs a "
                       "rebuild of %2, which copies %3 under the write lock.")
            .arg(s.what.unsupported, s.what.table, SqliteFindings::sizeOf(findings.load(s.what.table)));
    f.rewrite = findings.recipes().recipe(s.what.table);
    f.rewriteNote =
        QStringLiteral("Edit the CREATE TABLE new_%1 and keep the INSERT to the columns both tables "
                       "have. Strata runs a script with PRAGMAs outside its own BEGIN ... COMMIT as "
                       "written, outside Strata's transaction, so PRAGMA foreign_keys takes effect; "
                       "best in a step of its own.")
            .arg(s.what.table);
}

void SqliteAlterRules::addColumn(SqliteFindings& findings, const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const SqliteColumnDefinition& c = w.added;
    const TableLoad l = findings.load(w.table);
    const bool refusedAlways = findings.version() < kEmptyTableAddColumnVersion;
    const bool refused = refusedAlways || l.mayHaveRows();
    const QString when =
        refusedAlways ? QStringLiteral("SQLite %1 refuses it on any table")
                            .arg(SqliteFindings::versionText(findings.version()))
        : refused
            ? QStringLiteral("SQLite refuses it on a table with rows, and %1 has %2")
                  .arg(w.table, l.read ? SqliteFindings::number(l.rows.value_or(0)) + QStringLiteral(" rows")
                                       : QStringLiteral("rows as far as the review knows"))
            : QStringLiteral("SQLite %1 accepts it only because %2 is empty now; it fails on any "
                             "copy of the table that has a row")
                  .arg(SqliteFindings::versionText(findings.version()), w.table);

    if (c.unique || c.primaryKey) {
        ReviewFinding& f = findings.add("sqlite-add-column-unique", S::Block, s, w.table);
        const QString what = c.primaryKey ? QStringLiteral("PRIMARY KEY") : QStringLiteral("UNIQUE");
        f.message =
            QStringLiteral("SQLite refuses ADD COLUMN %1 with %2 (\"Cannot add a %2 column\"), whatever the "
                           "table holds.")
                .arg(c.name, what);
        if (c.primaryKey) {
            f.rewrite = findings.recipes().recipe(w.table);
            f.rewriteNote =
                QStringLiteral("A primary key can only be declared in CREATE TABLE: rebuild the table "
                               "in a step of its own with the key in the new definition.");
        } else {
            f.rewrite = SqliteRewrites::addColumnThenUniqueIndex(w.table, c, w.columnText);
            f.rewriteNote =
                QStringLiteral("The new column is NULL in every row, and a unique index allows any "
                               "number of NULLs: the index builds without a conflict.");
        }
    }
    if (c.notNull && !c.hasValueDefault()) {
        ReviewFinding& f =
            findings.add("sqlite-add-column-not-null", refused ? S::Block : S::Info, s, w.table);
        f.message =
            QStringLiteral("ADD COLUMN %1 NOT NULL without a default value: existing rows would have no "
                           "value for it. %2 (\"Cannot add a NOT NULL column with default value "
                           "NULL\").")
                .arg(c.name, when);
        f.rewrite = SqliteRewrites::addColumnWithConstantDefault(w.table, c);
        f.rewriteNote =
            QStringLiteral("With a constant default SQLite stores the default in the schema and "
                           "rewrites no row. Choose the value the application expects; or add the "
                           "column nullable, backfill it in batches, and enforce NOT NULL with a "
                           "rebuild later.");
    }
    if (c.defaultKind == SqliteColumnDefinition::Default::NonConstant) {
        ReviewFinding& f =
            findings.add("sqlite-add-column-non-constant-default", refused ? S::Block : S::Info, s, w.table);
        f.message =
            QStringLiteral("ADD COLUMN %1 DEFAULT %2: not a constant, so SQLite would have to compute it "
                           "for every existing row. %3 (\"Cannot add a column with non-constant "
                           "default\").")
                .arg(c.name, c.defaultText, when);
        f.rewrite = SqliteRewrites::addColumnThenBackfill(w.table, c, w.columnText);
        f.rewriteNote =
            QStringLiteral("Add the column without the default, then set it in batches of %1 rows "
                           "(run the UPDATE until it changes no row); new rows get the value from "
                           "the application or a trigger.")
                .arg(SqliteRewrites::kBatchRows);
    }
    if (c.stored) {
        ReviewFinding& f = findings.add("sqlite-add-column-stored", refused ? S::Block : S::Info, s, w.table);
        f.message =
            QStringLiteral("ADD COLUMN %1 ... STORED: SQLite cannot compute a stored generated column for "
                           "existing rows. %2 (\"cannot add a STORED column\").")
                .arg(c.name, when);
        QString virtualColumn = w.columnText;
        const qsizetype at = virtualColumn.lastIndexOf(QLatin1String("STORED"), -1, Qt::CaseInsensitive);
        if (at >= 0)
            virtualColumn.replace(at, 6, QStringLiteral("VIRTUAL"));
        f.rewrite = QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;")
                        .arg(SqliteFindings::quoted(w.table), virtualColumn);
        f.rewriteNote =
            QStringLiteral("A VIRTUAL generated column is computed when read and can be added to a "
                           "table with rows; a STORED one needs a rebuild.");
    }
}

Status SqliteAlterRules::dropColumn(SqliteFindings& findings, const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const TableLoad l = findings.load(w.table);
    if (findings.version() < kDropColumnVersion) {
        ReviewFinding& f = findings.add("sqlite-drop-column-unsupported", S::Block, s, w.table);
        f.message =
            QStringLiteral("ALTER TABLE ... DROP COLUMN needs SQLite 3.35.0; the SQLite that opens this "
                           "database is %1 and refuses it as a syntax error.")
                .arg(SqliteFindings::versionText(findings.version()));
        f.rewrite = findings.recipes().recipe(w.table);
        f.rewriteNote = QStringLiteral("Rebuild the table without %1 in a step of its own.").arg(w.column);
    } else if (l.found) {
        auto refusals = SqliteLiveSchema::dropColumnRefusals(findings.db(), w.table, w.column);
        if (!refusals)
            return refusals.error();
        if (!refusals->isEmpty()) {
            ReviewFinding& f = findings.add("sqlite-drop-column-refused", S::Block, s, w.table);
            f.message = QStringLiteral("SQLite will refuse to drop %1.%2: %3.")
                            .arg(w.table, w.column, refusals->join(QStringLiteral("; ")));
            f.rewrite = findings.recipes().recipe(w.table);
            f.rewriteNote =
                QStringLiteral("Drop or change what uses the column first (DROP INDEX, the view or "
                               "trigger), or rebuild the table without it in a step of its own.");
        }
    }
    ReviewFinding& f =
        findings.add("sqlite-drop-column", findings.onRows(w.table, S::Block, S::Warn), s, w.table);
    f.message =
        QStringLiteral("DROP COLUMN %1 deletes its data in %2, and SQLite rewrites every row to do it, "
                       "under the write lock; clients that still read %1 fail.")
            .arg(w.column, SqliteFindings::sizeOf(l));
    f.rewriteNote =
        QStringLiteral("Stop every client reading %1 first, keep the column for a release, then drop "
                       "it in a later version (Strata's backup keeps its data).")
            .arg(w.column);
    return {};
}

void SqliteAlterRules::renameColumn(SqliteFindings& findings, const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    if (findings.version() < kRenameColumnVersion) {
        ReviewFinding& f = findings.add("sqlite-rename-column-unsupported", S::Block, s, w.table);
        f.message =
            QStringLiteral("ALTER TABLE ... RENAME COLUMN needs SQLite 3.25.0; the SQLite that opens this "
                           "database is %1 and refuses it as a syntax error.")
                .arg(SqliteFindings::versionText(findings.version()));
        f.rewrite = findings.recipes().recipe(w.table);
        f.rewriteNote =
            QStringLiteral("Rebuild the table with the column named %1 in a step of its own.").arg(w.newName);
        return;
    }
    ReviewFinding& f = findings.add("sqlite-rename-column", S::Warn, s, w.table);
    f.message = QStringLiteral("RENAME COLUMN %1 TO %2: clients that still use %1 fail from this step on.")
                    .arg(w.column, w.newName);
    f.rewriteNote =
        QStringLiteral("Add %2 beside %1, write both from the application, backfill %2, move readers "
                       "to it, then drop %1 in a later version.")
            .arg(w.column, w.newName);
}

void SqliteAlterRules::renameTable(SqliteFindings& findings, const SqliteStepStatement& s)
{
    if (findings.inRebuild(s.index))
        return;
    const SqliteStatement& w = s.what;
    ReviewFinding& f = findings.add("sqlite-rename-table", S::Warn, s, w.table);
    f.message = QStringLiteral("RENAME TO %1: clients that still use %2 fail from this step on.")
                    .arg(w.newName, w.table);
    f.rewrite = QStringLiteral("CREATE VIEW %1 AS SELECT * FROM %2;")
                    .arg(SqliteFindings::quoted(w.table), SqliteFindings::quoted(w.newName));
    f.rewriteNote =
        QStringLiteral("After the rename, a view under the old name keeps readers working until they "
                       "move (writers need the new name).");
}

void SqliteAlterRules::dropTable(SqliteFindings& findings, const SqliteStepStatement& s)
{
    if (findings.inRebuild(s.index))
        return;
    const SqliteStatement& w = s.what;
    const TableLoad l = findings.load(w.table);
    if (l.read && !l.found)
        return; // a table this plan creates and drops again, or DROP TABLE IF EXISTS of nothing
    ReviewFinding& f =
        findings.add("sqlite-drop-table", findings.onRows(w.table, S::Block, S::Warn), s, w.table);
    f.message = QStringLiteral("DROP TABLE deletes %1 for good.").arg(SqliteFindings::sizeOf(l));
    f.rewrite = QStringLiteral("ALTER TABLE %1 RENAME TO %2;")
                    .arg(SqliteFindings::quoted(w.table),
                         SqliteFindings::quoted(w.table + QStringLiteral("_retired")));
    f.rewriteNote =
        QStringLiteral("Keep the rows under another name for a release, then drop the retired table "
                       "in a later version.");
}

} // namespace strata
