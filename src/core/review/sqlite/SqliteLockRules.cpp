#include "review/sqlite/SqliteLockRules.h"

#include <QFileInfo>
#include <QStorageInfo>

#include "dialects/sqlite/SqliteDatabase.h"
#include "review/sqlite/SqliteLiveSchema.h"
#include "review/sqlite/SqliteRewrites.h"
#include "review/sqlite/SqliteTableLoad.h"

namespace strata {

namespace {

using Kind = SqliteStatement::Kind;
using S = ReviewSeverity;

} // namespace

void SqliteLockRules::createIndex(SqliteFindings& findings, const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const TableLoad l = findings.load(w.table);
    if (!l.mayHaveRows())
        return;
    ReviewFinding& f = findings.add("sqlite-index-build", S::Warn, s, w.table);
    f.message =
        QStringLiteral("CREATE %1INDEX %2 reads and sorts %3 under the write lock: SQLite has no "
                       "concurrent index build, so every writer waits for it (readers go on in WAL "
                       "mode).%4")
            .arg(w.unique ? QStringLiteral("UNIQUE ") : QString(), w.name, SqliteFindings::sizeOf(l),
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

Status SqliteLockRules::write(SqliteFindings& findings, const SqliteStepStatement& s)
{
    const SqliteStatement& w = s.what;
    const TableLoad l = findings.load(w.table);
    const bool del = w.kind == Kind::Delete;
    if (!l.mayHaveRows())
        return {};
    if (!w.hasWhere && !w.hasLimit) {
        ReviewFinding& f = findings.add(del ? "sqlite-delete-all-rows" : "sqlite-update-all-rows",
                                        del ? S::Block : S::Warn, s, w.table);
        f.message =
            del ? QStringLiteral("DELETE without WHERE deletes %1, in one transaction under the write "
                                 "lock.")
                      .arg(SqliteFindings::sizeOf(l))
                : QStringLiteral("UPDATE without WHERE rewrites %1 in one transaction under the write "
                                 "lock: every writer waits until it commits.")
                      .arg(SqliteFindings::sizeOf(l));
        f.rewrite = SqliteRewrites::batched(s.text, w, findings.recipes().rowKey(w.table));
        f.rewriteNote =
            QStringLiteral("One batch of %1 rows per run, the lock released in between: run it until "
                           "it changes no row (a step of its own, or from the application).")
                .arg(SqliteRewrites::kBatchRows);
        return {};
    }
    if (!w.hasWhere || w.hasFrom || !l.found || l.rows.value_or(0) <= kLargeWriteRows)
        return {};
    QString from = SqliteFindings::quoted(w.table);
    if (!w.alias.isEmpty())
        from += QStringLiteral(" AS ") + SqliteFindings::quoted(w.alias);
    const QString verb = del ? QStringLiteral("DELETE") : QStringLiteral("UPDATE");
    // How SQLite finds the rows: through an index the matches can be counted cheaply; a scan of a big table
    // is itself the long part, whatever it matches.
    auto plan =
        findings.db().query(findings.db().catalogSql(QStringLiteral("review_where_plan")).arg(from, w.where));
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
                .arg(verb, SqliteFindings::sizeOf(l));
    } else {
        const QString sql = findings.db().catalogSql(QStringLiteral("review_where_rows")).arg(from, w.where);
        auto matched = findings.db().query(sql, {kLargeWriteRows * 100 + 1});
        if (!matched)
            return {};
        const qint64 rows = matched->value(0, 0).toLongLong();
        if (rows <= kLargeWriteRows)
            return {};
        message =
            QStringLiteral("%1 matches %2%3 rows of %4 on the live database, all changed in one transaction "
                           "under the write lock.")
                .arg(verb, rows > kLargeWriteRows * 100 ? QStringLiteral("more than ") : QString(),
                     SqliteFindings::number(qMin(rows, kLargeWriteRows * 100)), SqliteFindings::sizeOf(l));
    }
    ReviewFinding& f = findings.add("sqlite-large-write", S::Warn, s, w.table);
    f.message = message;
    f.rewrite = SqliteRewrites::batched(s.text, w, findings.recipes().rowKey(w.table));
    f.rewriteNote =
        QStringLiteral("One batch of %1 rows per run, the lock released in between: run it until it "
                       "changes no row.")
            .arg(SqliteRewrites::kBatchRows);
    return {};
}

void SqliteLockRules::vacuum(SqliteFindings& findings, const SqliteStepStatement& s)
{
    if (s.what.vacuumInto)
        return; // VACUUM INTO writes a copy and leaves the database as it is
    const qint64 size = SqliteTableLoad::fileBytes(findings.db());
    auto* sqlite = dynamic_cast<SqliteDatabase*>(&findings.db());
    const qint64 free =
        sqlite ? QStorageInfo(QFileInfo(sqlite->path()).absolutePath()).bytesAvailable() : qint64(-1);
    const bool inTransaction = findings.review().step.transactional();
    const bool shortOfDisk = size > 0 && free >= 0 && free < 2 * size;
    ReviewFinding& f =
        findings.add("sqlite-vacuum", inTransaction || shortOfDisk ? S::Block : S::Warn, s, QString());
    QString message =
        QStringLiteral("VACUUM rewrites the whole database file (%1) under an exclusive lock and "
                       "needs up to twice its size free on disk; %2 free")
            .arg(size >= 0 ? SqliteFindings::bytesText(size) : QStringLiteral("size unknown"),
                 free >= 0 ? SqliteFindings::bytesText(free) : QStringLiteral("unknown"));
    if (shortOfDisk)
        message += QStringLiteral(" is not enough");
    message += QLatin1Char('.');
    if (inTransaction)
        message += QStringLiteral(" It cannot run inside a transaction, and this step runs in one: SQLite "
                                  "refuses it (\"cannot VACUUM from within a transaction\").");
    f.message = message;
    auto mode = findings.db().query(findings.db().catalogSql(QStringLiteral("review_file_pages")));
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

Status SqliteLockRules::rebuild(SqliteFindings& findings, const SqliteRebuild& r)
{
    const TableLoad l = findings.load(r.table);
    QStringList dependents;
    QStringList parents;
    if (l.found) {
        auto d = SqliteLiveSchema::dependents(findings.db(), r.table);
        if (!d)
            return d.error();
        dependents = *d;
        auto p = SqliteLiveSchema::parents(findings.db(), r.table);
        if (!p)
            return p.error();
        parents = *p;
    }
    if (r.renameFirst && !dependents.isEmpty()) {
        ReviewFinding& f = findings.add("sqlite-rebuild-renames-old-table", S::Block,
                                        findings.statements().at(r.first), r.table);
        f.message =
            QStringLiteral("ALTER TABLE %1 RENAME TO %2 also rewrites what points at %1 to point at %2 "
                           "(%3), and the step then drops %2: they are left pointing at a table that no "
                           "longer exists.")
                .arg(r.table, r.scratch, dependents.join(QStringLiteral(", ")));
        f.rewrite =
            findings.recipes().stepRecipe(r, findings.statements(), findings.recipes().around(r.table));
        findings.spanRebuild(f, r);
        f.rewriteNote =
            QStringLiteral("Copy into new_%1 first and rename the copy (SQLite's own recipe): the "
                           "references then keep pointing at %1.")
                .arg(r.table);
    }
    const bool fkOn = SqliteLiveSchema::foreignKeysOn(findings.db());
    bool checked = false;
    for (const SqliteStepStatement& s : findings.statements())
        checked =
            checked || (s.what.kind == Kind::Pragma && s.what.pragma == QLatin1String("foreign_key_check"));
    // PRAGMA foreign_keys = OFF before the drop takes effect only outside a transaction: SQLite ignores it
    // inside one, and a step runs in Strata's unless its header says -- strata:no-transaction.
    const SqliteStepStatement* turnsOff = nullptr;
    for (const SqliteStepStatement& s : findings.statements()) {
        const QString value = s.what.pragmaValue.trimmed().toLower();
        if (s.index < r.drop && s.what.kind == Kind::Pragma &&
            s.what.pragma == QLatin1String("foreign_keys") &&
            (value == QLatin1String("off") || value == QLatin1String("0") ||
             value == QLatin1String("false") || value == QLatin1String("no")))
            turnsOff = &s;
    }
    const bool inTransaction = findings.review().step.transactional();
    const bool turnedOff = turnsOff && !inTransaction;
    const bool cascades = fkOn && !turnedOff && !dependents.isEmpty() && !r.renameFirst;
    ReviewFinding& f =
        findings.add("sqlite-table-rebuild", cascades ? S::Block : findings.onRows(r.table, S::Warn),
                     findings.statements().at(r.first), r.table);
    findings.spanRebuild(f, r);
    QString message =
        QStringLiteral("This step rebuilds %1 by hand (%2): it copies %3 under the write lock, and "
                       "every writer waits for the copy, the drop and the rename.")
            .arg(r.table,
                 r.renameFirst ? QStringLiteral("rename, create, copy, drop")
                               : QStringLiteral("create, copy, drop, rename"),
                 SqliteFindings::sizeOf(l));
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
    const SqliteRecipes::AroundTable a = findings.recipes().around(r.table);
    QStringList lost;
    if (l.found) {
        auto indexes = findings.db().query(findings.db().catalogSql(QStringLiteral("schema_indexes")),
                                           {QStringLiteral("main"), r.table});
        if (indexes)
            for (const auto& row : indexes->rows)
                if (!row.value(5).isNull())
                    lost << QStringLiteral("index ") + row.value(1).toString();
        for (const auto& [name, sql] : a.own)
            lost << QStringLiteral("trigger ") + name;
        for (const SqliteStepStatement& s : findings.statements())
            if (s.index > r.first && (s.what.kind == Kind::CreateIndex || s.what.kind == Kind::CreateTrigger))
                lost.removeIf([&s](const QString& what) {
                    return what.section(QLatin1Char(' '), 1).compare(s.what.name, Qt::CaseInsensitive) == 0;
                });
    }
    if (!lost.isEmpty())
        message += QStringLiteral(" DROP TABLE %1 also drops %2, which this step does not create again.")
                       .arg(r.table, lost.join(QStringLiteral(", ")));
    f.message = message;
    f.rewrite = findings.recipes().stepRecipe(r, findings.statements(), a);
    f.rewriteNote = QStringLiteral(
        "SQLite's 12-step recipe around this step's own CREATE TABLE and copy: foreign keys off "
        "outside the transaction, the views that name the table dropped and created again, "
        "foreign_key_check before the commit. The rehearsal measures how long the copy holds "
        "the lock.");
    return {};
}

} // namespace strata
