#include "review/sqlite/SqliteStepReviewer.h"

#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

#include <sqlite3.h>

#include "dialects/sqlite/SqliteDatabase.h"
#include "review/sqlite/SqliteLiveSchema.h"
#include "review/sqlite/SqliteRewrites.h"
#include "review/sqlite/SqliteTableLoad.h"
#include "schema/SqlIdentifier.h"

namespace strata {

namespace {

using Kind = SqliteStatement::Kind;
using S = ReviewSeverity;

QString number(qint64 n)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions({}); // 20,000
    return locale.toString(n);
}

QString bytesText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

/// "all 1,000,000 rows of orders (51.3 MB)", "orders, new in this plan", "orders (size unknown)".
QString sizeOf(const TableLoad& load)
{
    if (!load.read)
        return QStringLiteral("%1 (size unknown)").arg(load.table);
    if (!load.found)
        return QStringLiteral("%1 (not on the database yet)").arg(load.table);
    QString text = QStringLiteral("%1 %2 rows of %3")
                       .arg(load.rowsExact ? QStringLiteral("all") : QStringLiteral("more than"),
                            number(load.rows.value_or(0)), load.table);
    if (load.bytes)
        text += QStringLiteral(" (%1)").arg(bytesText(*load.bytes));
    return text;
}

QString versionText(int version)
{
    return QStringLiteral("%1.%2.%3")
        .arg(version / 1'000'000)
        .arg(version / 1'000 % 1'000)
        .arg(version % 1'000);
}

QString quoted(const QString& name)
{
    return SqlIdentifier::quote(name, Dialect::Sqlite);
}

} // namespace

SqliteStepReviewer::SqliteStepReviewer(StepReview& review, ReviewContext& context)
    : m_review(review), m_context(context), m_recipes(context.db, context.loads)
{}

int SqliteStepReviewer::version() const
{
    return m_context.sqliteVersion > 0 ? m_context.sqliteVersion : sqlite3_libversion_number();
}

const TableLoad& SqliteStepReviewer::load(const QString& table)
{
    return m_context.loads.of(QString(), table);
}

ReviewSeverity SqliteStepReviewer::onRows(const QString& table, ReviewSeverity severity,
                                          ReviewSeverity otherwise)
{
    return load(table).mayHaveRows() ? severity : otherwise;
}

bool SqliteStepReviewer::inRebuild(int index) const
{
    for (const SqliteRebuild& r : m_rebuilds)
        if (r.covers(index))
            return true;
    return false;
}

ReviewFinding& SqliteStepReviewer::add(const char* rule, ReviewSeverity severity,
                                       const SqliteStepStatement& s, const QString& table)
{
    ReviewFinding& f = m_review.add(QString::fromLatin1(rule), severity, s.index, s.line, s.text);
    f.table = table;
    if (!table.isEmpty())
        f.load = load(table);
    return f;
}

void SqliteStepReviewer::spanRebuild(ReviewFinding& f, const SqliteRebuild& r) const
{
    const int last = std::max({r.copy, r.drop, r.rename});
    const qsizetype from = m_statements.at(r.first).offset;
    const QByteArray& script = m_review.step.forwardSql;
    f.statement = QString::fromUtf8(script.mid(from, m_statements.at(last).end - from)).trimmed();
    f.excerpt = ReviewFinding::excerptOf(f.statement);
}

Status SqliteStepReviewer::run()
{
    m_statements = SqliteStepStatements::read(m_review.step.forwardSql, m_review.step.forwardFirstLine);
    m_rebuilds = SqliteRebuild::find(m_statements);
    for (const SqliteRebuild& r : m_rebuilds)
        if (Status done = rebuild(r); !done)
            return done;
    for (const SqliteStepStatement& s : m_statements) {
        Status done;
        switch (s.what.kind) {
        case Kind::AlterUnsupported:
            alterUnsupported(s);
            break;
        case Kind::AddColumn:
            addColumn(s);
            break;
        case Kind::DropColumn:
            done = dropColumn(s);
            break;
        case Kind::RenameColumn:
            renameColumn(s);
            break;
        case Kind::RenameTable:
            renameTable(s);
            break;
        case Kind::DropTable:
            dropTable(s);
            break;
        case Kind::CreateIndex:
            createIndex(s);
            break;
        case Kind::Update:
        case Kind::Delete:
            done = write(s);
            break;
        case Kind::Vacuum:
            vacuum(s);
            break;
        default:
            break;
        }
        if (!done)
            return done;
    }
    return {};
}

void SqliteStepReviewer::alterUnsupported(const SqliteStepStatement& s)
{
    ReviewFinding& f = add("sqlite-alter-unsupported", S::Block, s, s.what.table);
    f.message =
        QStringLiteral("SQLite has no ALTER TABLE ... %1: it refuses this statement (its ALTER TABLE only "
                       "renames, adds and drops columns and renames tables). The change needs a "
                       "rebuild of %2, which copies %3 under the write lock.")
            .arg(s.what.unsupported, s.what.table, sizeOf(load(s.what.table)));
    f.rewrite = m_recipes.recipe(s.what.table);
    f.rewriteNote =
        QStringLiteral("Edit the CREATE TABLE new_%1 and keep the INSERT to the columns both tables "
                       "have. Strata runs a script with PRAGMAs outside its own BEGIN ... COMMIT as "
                       "written, outside Strata's transaction, so PRAGMA foreign_keys takes effect; "
                       "best in a step of its own.")
            .arg(s.what.table);
}

void SqliteStepReviewer::addColumn(const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const SqliteColumnDefinition& c = w.added;
    const TableLoad l = load(w.table);
    const bool refusedAlways = version() < kEmptyTableAddColumnVersion;
    const bool refused = refusedAlways || l.mayHaveRows();
    const QString when =
        refusedAlways ? QStringLiteral("SQLite %1 refuses it on any table").arg(versionText(version()))
        : refused     ? QStringLiteral("SQLite refuses it on a table with rows, and %1 has %2")
                        .arg(w.table, l.read ? number(l.rows.value_or(0)) + QStringLiteral(" rows")
                                             : QStringLiteral("rows as far as the review knows"))
                  : QStringLiteral("SQLite %1 accepts it only because %2 is empty now; it fails on any "
                                   "copy of the table that has a row")
                        .arg(versionText(version()), w.table);

    if (c.unique || c.primaryKey) {
        ReviewFinding& f = add("sqlite-add-column-unique", S::Block, s, w.table);
        const QString what = c.primaryKey ? QStringLiteral("PRIMARY KEY") : QStringLiteral("UNIQUE");
        f.message =
            QStringLiteral("SQLite refuses ADD COLUMN %1 with %2 (\"Cannot add a %2 column\"), whatever the "
                           "table holds.")
                .arg(c.name, what);
        if (c.primaryKey) {
            f.rewrite = m_recipes.recipe(w.table);
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
        ReviewFinding& f = add("sqlite-add-column-not-null", refused ? S::Block : S::Info, s, w.table);
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
            add("sqlite-add-column-non-constant-default", refused ? S::Block : S::Info, s, w.table);
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
        ReviewFinding& f = add("sqlite-add-column-stored", refused ? S::Block : S::Info, s, w.table);
        f.message =
            QStringLiteral("ADD COLUMN %1 ... STORED: SQLite cannot compute a stored generated column for "
                           "existing rows. %2 (\"cannot add a STORED column\").")
                .arg(c.name, when);
        QString virtualColumn = w.columnText;
        const qsizetype at = virtualColumn.lastIndexOf(QLatin1String("STORED"), -1, Qt::CaseInsensitive);
        if (at >= 0)
            virtualColumn.replace(at, 6, QStringLiteral("VIRTUAL"));
        f.rewrite = QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;").arg(quoted(w.table), virtualColumn);
        f.rewriteNote =
            QStringLiteral("A VIRTUAL generated column is computed when read and can be added to a "
                           "table with rows; a STORED one needs a rebuild.");
    }
}

Status SqliteStepReviewer::dropColumn(const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const TableLoad l = load(w.table);
    if (version() < kDropColumnVersion) {
        ReviewFinding& f = add("sqlite-drop-column-unsupported", S::Block, s, w.table);
        f.message =
            QStringLiteral("ALTER TABLE ... DROP COLUMN needs SQLite 3.35.0; the SQLite that opens this "
                           "database is %1 and refuses it as a syntax error.")
                .arg(versionText(version()));
        f.rewrite = m_recipes.recipe(w.table);
        f.rewriteNote = QStringLiteral("Rebuild the table without %1 in a step of its own.").arg(w.column);
    } else if (l.found) {
        auto refusals = SqliteLiveSchema::dropColumnRefusals(m_context.db, w.table, w.column);
        if (!refusals)
            return refusals.error();
        if (!refusals->isEmpty()) {
            ReviewFinding& f = add("sqlite-drop-column-refused", S::Block, s, w.table);
            f.message = QStringLiteral("SQLite will refuse to drop %1.%2: %3.")
                            .arg(w.table, w.column, refusals->join(QStringLiteral("; ")));
            f.rewrite = m_recipes.recipe(w.table);
            f.rewriteNote =
                QStringLiteral("Drop or change what uses the column first (DROP INDEX, the view or "
                               "trigger), or rebuild the table without it in a step of its own.");
        }
    }
    ReviewFinding& f = add("sqlite-drop-column", onRows(w.table, S::Block, S::Warn), s, w.table);
    f.message =
        QStringLiteral("DROP COLUMN %1 deletes its data in %2, and SQLite rewrites every row to do it, "
                       "under the write lock; clients that still read %1 fail.")
            .arg(w.column, sizeOf(l));
    f.rewriteNote =
        QStringLiteral("Stop every client reading %1 first, keep the column for a release, then drop "
                       "it in a later version (Strata's backup keeps its data).")
            .arg(w.column);
    return {};
}

void SqliteStepReviewer::renameColumn(const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    if (version() < kRenameColumnVersion) {
        ReviewFinding& f = add("sqlite-rename-column-unsupported", S::Block, s, w.table);
        f.message =
            QStringLiteral("ALTER TABLE ... RENAME COLUMN needs SQLite 3.25.0; the SQLite that opens this "
                           "database is %1 and refuses it as a syntax error.")
                .arg(versionText(version()));
        f.rewrite = m_recipes.recipe(w.table);
        f.rewriteNote =
            QStringLiteral("Rebuild the table with the column named %1 in a step of its own.").arg(w.newName);
        return;
    }
    ReviewFinding& f = add("sqlite-rename-column", S::Warn, s, w.table);
    f.message = QStringLiteral("RENAME COLUMN %1 TO %2: clients that still use %1 fail from this step on.")
                    .arg(w.column, w.newName);
    f.rewriteNote =
        QStringLiteral("Add %2 beside %1, write both from the application, backfill %2, move readers "
                       "to it, then drop %1 in a later version.")
            .arg(w.column, w.newName);
}

void SqliteStepReviewer::renameTable(const SqliteStepStatement& s)
{
    if (inRebuild(s.index))
        return;
    const SqliteStatement& w = s.what;
    ReviewFinding& f = add("sqlite-rename-table", S::Warn, s, w.table);
    f.message = QStringLiteral("RENAME TO %1: clients that still use %2 fail from this step on.")
                    .arg(w.newName, w.table);
    f.rewrite = QStringLiteral("CREATE VIEW %1 AS SELECT * FROM %2;").arg(quoted(w.table), quoted(w.newName));
    f.rewriteNote =
        QStringLiteral("After the rename, a view under the old name keeps readers working until they "
                       "move (writers need the new name).");
}

void SqliteStepReviewer::dropTable(const SqliteStepStatement& s)
{
    if (inRebuild(s.index))
        return;
    const SqliteStatement& w = s.what;
    const TableLoad l = load(w.table);
    if (l.read && !l.found)
        return; // a table this plan creates and drops again, or DROP TABLE IF EXISTS of nothing
    ReviewFinding& f = add("sqlite-drop-table", onRows(w.table, S::Block, S::Warn), s, w.table);
    f.message = QStringLiteral("DROP TABLE deletes %1 for good.").arg(sizeOf(l));
    f.rewrite = QStringLiteral("ALTER TABLE %1 RENAME TO %2;")
                    .arg(quoted(w.table), quoted(w.table + QStringLiteral("_retired")));
    f.rewriteNote =
        QStringLiteral("Keep the rows under another name for a release, then drop the retired table "
                       "in a later version.");
}

void SqliteStepReviewer::createIndex(const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const TableLoad l = load(w.table);
    if (!l.mayHaveRows())
        return;
    ReviewFinding& f = add("sqlite-index-build", S::Warn, s, w.table);
    f.message =
        QStringLiteral("CREATE %1INDEX %2 reads and sorts %3 under the write lock: SQLite has no "
                       "concurrent index build, so every writer waits for it (readers go on in WAL "
                       "mode).%4")
            .arg(w.unique ? QStringLiteral("UNIQUE ") : QString(), w.name, sizeOf(l),
                 w.unique ? QStringLiteral(" A duplicate in the existing rows makes it fail.") : QString());
    f.rewriteNote =
        QStringLiteral("Build it in a step of its own, at a quiet time, with IF NOT EXISTS so a "
                       "repeated run after an interruption does nothing; the rehearsal measures how "
                       "long it holds the lock on a copy.");
    if (!w.ifExists && !s.text.contains(QLatin1String("IF NOT EXISTS"), Qt::CaseInsensitive)) {
        QString text = s.text;
        const qsizetype at = text.indexOf(QLatin1String("INDEX"), 0, Qt::CaseInsensitive);
        if (at >= 0)
            text.insert(at + 5, QStringLiteral(" IF NOT EXISTS"));
        f.rewrite = text;
    }
}

Status SqliteStepReviewer::write(const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const TableLoad l = load(w.table);
    const bool del = w.kind == Kind::Delete;
    if (!l.mayHaveRows())
        return {};
    if (!w.hasWhere && !w.hasLimit) {
        ReviewFinding& f = add(del ? "sqlite-delete-all-rows" : "sqlite-update-all-rows",
                               del ? S::Block : S::Warn, s, w.table);
        f.message =
            del ? QStringLiteral("DELETE without WHERE deletes %1, in one transaction under the write "
                                 "lock.")
                      .arg(sizeOf(l))
                : QStringLiteral("UPDATE without WHERE rewrites %1 in one transaction under the write "
                                 "lock: every writer waits until it commits.")
                      .arg(sizeOf(l));
        f.rewrite = SqliteRewrites::batched(s.text, w, m_recipes.rowKey(w.table));
        f.rewriteNote =
            QStringLiteral("One batch of %1 rows per run, the lock released in between: run it until "
                           "it changes no row (a step of its own, or from the application).")
                .arg(SqliteRewrites::kBatchRows);
        return {};
    }
    if (!w.hasWhere || w.hasFrom || !l.found || l.rows.value_or(0) <= kLargeWriteRows)
        return {};
    QString from = quoted(w.table);
    if (!w.alias.isEmpty())
        from += QStringLiteral(" AS ") + quoted(w.alias);
    const QString verb = del ? QStringLiteral("DELETE") : QStringLiteral("UPDATE");
    // How SQLite finds the rows: through an index the matches can be counted cheaply; a scan of a big table
    // is itself the long part, whatever it matches.
    auto plan =
        m_context.db.query(m_context.db.catalogSql(QStringLiteral("review_where_plan")).arg(from, w.where));
    if (!plan)
        return {}; // the condition names something a pending step creates: nothing to measure yet
    bool scans = false;
    for (const auto& row : plan->rows)
        if (row.value(1).toLongLong() == 0)
            scans = scans || row.value(3).toString().startsWith(QLatin1String("SCAN"));
    QString message;
    if (scans && l.rows.value_or(0) > kLargeScanRows) {
        message =
            QStringLiteral("No index serves this WHERE: the %1 reads %2 under the write lock to find the "
                           "rows it changes.")
                .arg(verb, sizeOf(l));
    } else {
        const QString sql = m_context.db.catalogSql(QStringLiteral("review_where_rows")).arg(from, w.where);
        auto matched = m_context.db.query(sql, {kLargeWriteRows * 100 + 1});
        if (!matched)
            return {};
        const qint64 rows = matched->value(0, 0).toLongLong();
        if (rows <= kLargeWriteRows)
            return {};
        message =
            QStringLiteral("%1 matches %2%3 rows of %4 on the live database, all changed in one transaction "
                           "under the write lock.")
                .arg(verb, rows > kLargeWriteRows * 100 ? QStringLiteral("more than ") : QString(),
                     number(qMin(rows, kLargeWriteRows * 100)), sizeOf(l));
    }
    ReviewFinding& f = add("sqlite-large-write", S::Warn, s, w.table);
    f.message = message;
    f.rewrite = SqliteRewrites::batched(s.text, w, m_recipes.rowKey(w.table));
    f.rewriteNote =
        QStringLiteral("One batch of %1 rows per run, the lock released in between: run it until it "
                       "changes no row.")
            .arg(SqliteRewrites::kBatchRows);
    return {};
}

void SqliteStepReviewer::vacuum(const SqliteStepStatement& s)
{
    if (s.what.vacuumInto)
        return; // VACUUM INTO writes a copy and leaves the database as it is
    const qint64 size = SqliteTableLoad::fileBytes(m_context.db);
    auto* sqlite = dynamic_cast<SqliteDatabase*>(&m_context.db);
    const qint64 free =
        sqlite ? QStorageInfo(QFileInfo(sqlite->path()).absolutePath()).bytesAvailable() : qint64(-1);
    const bool inTransaction = m_review.step.transactional();
    const bool shortOfDisk = size > 0 && free >= 0 && free < 2 * size;
    ReviewFinding& f = add("sqlite-vacuum", inTransaction || shortOfDisk ? S::Block : S::Warn, s, QString());
    QString message =
        QStringLiteral("VACUUM rewrites the whole database file (%1) under an exclusive lock and "
                       "needs up to twice its size free on disk; %2 free")
            .arg(size >= 0 ? bytesText(size) : QStringLiteral("size unknown"),
                 free >= 0 ? bytesText(free) : QStringLiteral("unknown"));
    if (shortOfDisk)
        message += QStringLiteral(" is not enough");
    message += QLatin1Char('.');
    if (inTransaction)
        message += QStringLiteral(" It cannot run inside a transaction, and this step runs in one: SQLite "
                                  "refuses it (\"cannot VACUUM from within a transaction\").");
    f.message = message;
    auto mode = m_context.db.query(m_context.db.catalogSql(QStringLiteral("review_file_pages")));
    const bool incremental = mode && mode->value(0, 2).toLongLong() == 2;
    if (incremental) {
        f.rewrite = QStringLiteral("PRAGMA incremental_vacuum(1000);");
        f.rewriteNote =
            QStringLiteral("This database has auto_vacuum = INCREMENTAL: free pages a thousand at a "
                           "time, each a short write, instead of rewriting the file.");
    } else {
        f.rewriteNote =
            QStringLiteral("Put VACUUM in a step of its own whose first line is "
                           "`-- strata:no-transaction`, at a quiet time, with twice the file's size "
                           "free (or set PRAGMA auto_vacuum = INCREMENTAL, itself applied by one "
                           "VACUUM, and use PRAGMA incremental_vacuum from then on).");
    }
}

Status SqliteStepReviewer::rebuild(const SqliteRebuild& r)
{
    const TableLoad l = load(r.table);
    QStringList dependents;
    QStringList parents;
    if (l.found) {
        auto d = SqliteLiveSchema::dependents(m_context.db, r.table);
        if (!d)
            return d.error();
        dependents = *d;
        auto p = SqliteLiveSchema::parents(m_context.db, r.table);
        if (!p)
            return p.error();
        parents = *p;
    }
    if (r.renameFirst && !dependents.isEmpty()) {
        ReviewFinding& f =
            add("sqlite-rebuild-renames-old-table", S::Block, m_statements.at(r.first), r.table);
        f.message =
            QStringLiteral("ALTER TABLE %1 RENAME TO %2 also rewrites what points at %1 to point at %2 "
                           "(%3), and the step then drops %2: they are left pointing at a table that no "
                           "longer exists.")
                .arg(r.table, r.scratch, dependents.join(QStringLiteral(", ")));
        f.rewrite = m_recipes.stepRecipe(r, m_statements, m_recipes.around(r.table));
        spanRebuild(f, r);
        f.rewriteNote =
            QStringLiteral("Copy into new_%1 first and rename the copy (SQLite's own recipe): the "
                           "references then keep pointing at %1.")
                .arg(r.table);
    }
    const bool fkOn = SqliteLiveSchema::foreignKeysOn(m_context.db);
    bool checked = false;
    for (const SqliteStepStatement& s : m_statements)
        checked =
            checked || (s.what.kind == Kind::Pragma && s.what.pragma == QLatin1String("foreign_key_check"));
    // PRAGMA foreign_keys = OFF before the drop takes effect only outside a transaction: SQLite ignores it
    // inside one, and a step runs in Strata's unless its header says -- strata:no-transaction.
    const SqliteStepStatement* turnsOff = nullptr;
    for (const SqliteStepStatement& s : m_statements) {
        const QString value = s.what.pragmaValue.trimmed().toLower();
        if (s.index < r.drop && s.what.kind == Kind::Pragma &&
            s.what.pragma == QLatin1String("foreign_keys") &&
            (value == QLatin1String("off") || value == QLatin1String("0") ||
             value == QLatin1String("false") || value == QLatin1String("no")))
            turnsOff = &s;
    }
    const bool inTransaction = m_review.step.transactional();
    const bool turnedOff = turnsOff && !inTransaction;
    const bool cascades = fkOn && !turnedOff && !dependents.isEmpty() && !r.renameFirst;
    ReviewFinding& f = add("sqlite-table-rebuild", cascades ? S::Block : onRows(r.table, S::Warn),
                           m_statements.at(r.first), r.table);
    spanRebuild(f, r);
    QString message =
        QStringLiteral("This step rebuilds %1 by hand (%2): it copies %3 under the write lock, and "
                       "every writer waits for the copy, the drop and the rename.")
            .arg(r.table,
                 r.renameFirst ? QStringLiteral("rename, create, copy, drop")
                               : QStringLiteral("create, copy, drop, rename"),
                 sizeOf(l));
    if (!dependents.isEmpty() || !parents.isEmpty()) {
        message +=
            QStringLiteral(" Foreign keys are involved (%1): turn them off with PRAGMA foreign_keys = OFF "
                           "outside the transaction (inside one it does nothing) and run PRAGMA "
                           "foreign_key_check before the commit%2.")
                .arg(QStringList(dependents + parents).join(QStringLiteral(", ")),
                     checked ? QString() : QStringLiteral(" (this step never does)"));
    }
    if (turnsOff && inTransaction)
        message +=
            QStringLiteral(" Its PRAGMA foreign_keys = OFF (line %1) runs inside the step's transaction, "
                           "where SQLite ignores it: the step needs -- strata:no-transaction.")
                .arg(turnsOff->line);
    if (cascades)
        message +=
            QStringLiteral(" This connection enforces foreign keys now, so DROP TABLE %1 deletes its rows "
                           "first and the child tables' ON DELETE actions run (or the drop fails).")
                .arg(r.table);
    // The table's indexes and triggers go with DROP TABLE: say which the step does not create again.
    const SqliteRecipes::AroundTable a = m_recipes.around(r.table);
    QStringList lost;
    if (l.found) {
        auto indexes = m_context.db.query(m_context.db.catalogSql(QStringLiteral("schema_indexes")),
                                          {QStringLiteral("main"), r.table});
        if (indexes)
            for (const auto& row : indexes->rows)
                if (!row.value(5).isNull())
                    lost << QStringLiteral("index ") + row.value(1).toString();
        for (const auto& [name, sql] : a.own)
            lost << QStringLiteral("trigger ") + name;
        for (const SqliteStepStatement& s : m_statements)
            if (s.index > r.first && (s.what.kind == Kind::CreateIndex || s.what.kind == Kind::CreateTrigger))
                lost.removeIf([&s](const QString& what) {
                    return what.section(QLatin1Char(' '), 1).compare(s.what.name, Qt::CaseInsensitive) == 0;
                });
    }
    if (!lost.isEmpty())
        message += QStringLiteral(" DROP TABLE %1 also drops %2, which this step does not create again.")
                       .arg(r.table, lost.join(QStringLiteral(", ")));
    f.message = message;
    f.rewrite = m_recipes.stepRecipe(r, m_statements, a);
    f.rewriteNote = QStringLiteral(
        "SQLite's 12-step recipe around this step's own CREATE TABLE and copy: foreign keys off "
        "outside the transaction, the views that name the table dropped and created again, "
        "foreign_key_check before the commit. The rehearsal measures how long the copy holds "
        "the lock.");
    return {};
}

} // namespace strata
