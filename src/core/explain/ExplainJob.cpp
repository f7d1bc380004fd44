#include "explain/ExplainJob.h"

#include <algorithm>

#include <QElapsedTimer>
#include <QSet>

#include <sqlite3.h>

#include "connection/InterruptOnCancel.h"
#include "dialects/postgres/PostgresScriptSplitter.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteScriptSplitter.h"
#include "explain/FilterColumns.h"
#include "explain/PlanAdvisor.h"
#include "explain/PostgresPlanReader.h"
#include "explain/SqliteAliases.h"
#include "explain/SqlitePlanReader.h"
#include "explain/SqliteWhatIf.h"
#include "schema/SchemaReader.h"

namespace strata {

namespace {

Error cancelled(bool analyze)
{
    return Error::failed(QStringLiteral("Reading the plan was cancelled."),
                         analyze
                             ? QStringLiteral("Everything: the statement ran inside a transaction that was "
                                              "rolled back.")
                             : QStringLiteral("Everything: EXPLAIN only reads."),
                         QStringLiteral("Explain it again when you are ready."));
}

Error refusedBy(const Error& error, bool analyze)
{
    Error e = error;
    e.unchanged =
        analyze ? QStringLiteral("Everything: the statement ran inside a transaction that was rolled back.")
                : QStringLiteral("Everything: EXPLAIN only reads.");
    // The statement's own error ("relation does not exist") is the operator's to correct; a lost connection,
    // a server shutting down or a full disk keep the advice the connection gave.
    if (e.what.startsWith(QLatin1String("PostgreSQL refused a statement")) ||
        e.what.startsWith(QLatin1String("SQLite refused a statement")))
        e.next = QStringLiteral("Correct the statement and explain it again.");
    return e;
}

} // namespace

ExplainJob::ExplainJob(QString sql, bool analyze) : m_sql(std::move(sql)), m_analyze(analyze) {}

QString ExplainJob::title() const
{
    return m_analyze ? QStringLiteral("Explain analyze") : QStringLiteral("Explain");
}

QString ExplainJob::operatorName() const
{
    return m_analyze ? QStringLiteral("the EXPLAIN ANALYZE of a statement (it is rolled back)")
                     : QStringLiteral("the EXPLAIN of a statement");
}

Result<QString> ExplainJob::oneStatement(const QString& sql, Dialect dialect)
{
    const QByteArray utf8 = sql.toUtf8();
    QList<QPair<qsizetype, qsizetype>> pieces;
    if (dialect == Dialect::Postgres) {
        for (const auto& s : PostgresScriptSplitter::split(utf8))
            pieces.append({s.offset, s.length});
    } else {
        for (const auto& s : SqliteScriptSplitter::split(utf8))
            pieces.append({s.offset, s.length});
    }
    QStringList statements;
    for (const auto& [offset, length] : pieces) {
        QByteArray text = utf8.mid(offset, length).trimmed();
        while (text.endsWith(';'))
            text = text.chopped(1).trimmed();
        if (Database::skipSpaceAndComments(text) < text.size())
            statements << QString::fromUtf8(text);
    }
    if (statements.isEmpty())
        return Error::badInput(QStringLiteral("There is no statement to explain."),
                               QStringLiteral("Type or select a SELECT, INSERT, UPDATE or DELETE statement."),
                               QStringLiteral("Nothing was run."));
    if (statements.size() > 1)
        return Error::badInput(
            QStringLiteral("The text holds %1 statements; a plan is read for one statement at a time.")
                .arg(statements.size()),
            QStringLiteral("Put the cursor in one statement, or select it, and explain again."),
            QStringLiteral("Nothing was run."));
    if (Database::isTransactionControl(statements.first().toUtf8()))
        return Error::badInput(QStringLiteral("%1 has no plan: it controls a transaction.")
                                   .arg(Database::leadingKeyword(statements.first().toUtf8())),
                               QStringLiteral("Explain a SELECT, INSERT, UPDATE or DELETE statement."),
                               QStringLiteral("Nothing was run."));
    return statements.first();
}

Status ExplainJob::run(Database& db, const Progress& progress)
{
    const Result<QString> sql = oneStatement(m_sql, db.dialect());
    if (!sql)
        return sql.error();
    QElapsedTimer timer;
    timer.start();
    progress.report(0, 2,
                    m_analyze ? QStringLiteral("Running the statement (it will be rolled back)")
                              : QStringLiteral("Reading the plan"));
    Result<QueryPlan> plan =
        db.dialect() == Dialect::Postgres ? readPostgres(db, *sql, progress) : readSqlite(db, *sql, progress);
    if (!plan)
        return plan.error();
    plan->sql = *sql;
    progress.report(1, 2, QStringLiteral("Looking for full scans an index would spare"));
    if (!progress.cancelled())
        advise(db, *sql, *plan);
    m_elapsedMs = timer.elapsed();
    m_plan = std::move(*plan);
    progress.report(2, 2, QStringLiteral("Plan read"));
    return {};
}

Result<QueryPlan> ExplainJob::readPostgres(Database& db, const QString& sql, const Progress& progress)
{
    const QString options = m_analyze ? QStringLiteral("ANALYZE, BUFFERS, VERBOSE, FORMAT JSON")
                                      : QStringLiteral("VERBOSE, FORMAT JSON");
    if (m_analyze) {
        if (Status begun = db.execute(QStringLiteral("BEGIN")); !begun)
            return begun.error();
    }
    bool interrupted = false;
    const auto explain = [&]() -> Result<QueryRows> {
        InterruptOnCancel guard(db, progress.cancelFlag());
        Result<QueryRows> rows = db.query(QStringLiteral("EXPLAIN (%1) %2").arg(options, sql));
        interrupted = guard.interrupted();
        return rows;
    };
    const Result<QueryRows> rows = explain();
    if (m_analyze) {
        // The one safe point of EXPLAIN ANALYZE: whatever the statement did is undone here, interrupted or
        // not. Should the ROLLBACK itself fail, closing the connection (the job's end) rolls back too.
        (void)db.execute(QStringLiteral("ROLLBACK"));
    }
    if (!rows)
        return interrupted ? cancelled(m_analyze) : refusedBy(rows.error(), m_analyze);
    if (rows->isEmpty())
        return Error::failed(
            QStringLiteral("PostgreSQL returned no plan for the statement."),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Run EXPLAIN on the statement in psql to see what the server says."));
    Result<QueryPlan> plan = PostgresPlanReader::read(rows->value(0, 0).toString().toUtf8());
    if (plan && m_analyze)
        plan->note = QStringLiteral("EXPLAIN ANALYZE ran the statement inside a transaction that was rolled "
                                    "back: nothing it changed was kept.");
    return plan;
}

Result<QueryPlan> ExplainJob::readSqlite(Database& db, const QString& sql, const Progress& progress)
{
    bool interrupted = false;
    const auto explain = [&]() -> Result<QueryRows> {
        InterruptOnCancel guard(db, progress.cancelFlag());
        Result<QueryRows> rows = db.query(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        interrupted = guard.interrupted();
        return rows;
    };
    const Result<QueryRows> rows = explain();
    if (!rows)
        return interrupted ? cancelled(false) : refusedBy(rows.error(), false);
    Result<QueryPlan> plan = SqlitePlanReader::read(*rows);
    if (!plan)
        return plan;
    plan->note = QStringLiteral("SQLite reports no cost, row estimate or time per step of a plan.");
    if (m_analyze) {
        if (Status timed = timeSqlite(db, sql, *plan, progress); !timed)
            return timed.error();
    }
    return plan;
}

Status ExplainJob::timeSqlite(Database& db, const QString& sql, QueryPlan& plan, const Progress& progress)
{
    static const QSet<QString> timed{QStringLiteral("SELECT"), QStringLiteral("WITH"),
                                     QStringLiteral("VALUES"), QStringLiteral("INSERT"),
                                     QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                                     QStringLiteral("REPLACE")};
    const QString keyword = Database::leadingKeyword(sql.toUtf8());
    if (!timed.contains(keyword))
        return Error::badInput(
            QStringLiteral(
                "SQLite cannot time %1 safely: only SELECT, INSERT, UPDATE, DELETE and REPLACE are run "
                "inside a transaction that is rolled back.")
                .arg(keyword),
            QStringLiteral("Explain it without ANALYZE to see its plan."),
            QStringLiteral("Nothing was run."));
    auto* sqlite = dynamic_cast<SqliteDatabase*>(&db);
    if (!sqlite)
        return Error::failed(QStringLiteral("The statement could not be timed: no SQLite connection."),
                             QStringLiteral("Nothing was run."),
                             QStringLiteral("Explain it without ANALYZE."));
    // A deferred BEGIN: a SELECT takes only a read lock; a write takes the write lock for as long as it runs
    // and gives it back at the ROLLBACK.
    if (Status begun = db.execute(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    sqlite3* handle = sqlite->handle();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    int rc = SQLITE_OK;
    qint64 rows = 0;
    bool interrupted = false;
    QElapsedTimer timer;
    {
        InterruptOnCancel guard(db, progress.cancelFlag());
        timer.start();
        rc = sqlite3_prepare_v2(handle, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr);
        if (rc == SQLITE_OK) {
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
                ++rows;
        }
        interrupted = guard.interrupted();
    }
    const qint64 nanos = timer.nsecsElapsed();
    const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
    const bool changes = stmt && sqlite3_column_count(stmt) == 0;
    if (changes && rc == SQLITE_DONE)
        rows = sqlite3_changes64(handle);
    sqlite3_finalize(stmt);
    // An interrupted write has already been rolled back by SQLite; then this ROLLBACK finds none to end.
    if (sqlite3_get_autocommit(handle) == 0)
        (void)db.execute(QStringLiteral("ROLLBACK"));
    if (interrupted || rc == SQLITE_INTERRUPT)
        return cancelled(true);
    if (rc != SQLITE_DONE)
        return Error::failed(
            QStringLiteral("SQLite refused the statement while timing it: %1").arg(message),
            QStringLiteral("Everything: the statement ran inside a transaction that was rolled back."),
            QStringLiteral("Correct the statement and explain it again."));
    plan.analyzed = true;
    plan.executionMs = static_cast<double>(nanos) / 1e6;
    plan.statementRows = rows;
    const QString counted = QStringLiteral("%1 %2 %3")
                                .arg(rows)
                                .arg(rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"))
                                .arg(changes ? QStringLiteral("changed") : QStringLiteral("returned"));
    plan.note =
        QStringLiteral("SQLite times no step of a plan: the whole statement ran in %1 ms (%2) inside a "
                       "transaction that was rolled back, so nothing it changed was kept.")
            .arg(QString::number(plan.executionMs, 'f', 3), counted);
    return {};
}

void ExplainJob::advise(Database& db, const QString& sql, QueryPlan& plan)
{
    SchemaReader reader(db);
    QHash<QString, TableInfo> tables;
    const bool sqlite = plan.dialect == Dialect::Sqlite;
    const SqliteAliases aliases(sqlite ? sql : QString());
    QHash<QString, QPair<QString, QStringList>> candidates; // SQLite: name in the plan -> table, columns
    QSet<QString> unreadable;
    QHash<QString, QString> named; // SQLite: a name in the statement (lower case) -> the table as created
    // SQLite: a join that scans one table may need the index on another (search it first, then the scanned
    // one by its key), so every table of a plan with a full scan is a candidate.
    const bool scans = std::any_of(plan.nodes.cbegin(), plan.nodes.cend(),
                                   [](const PlanNode& node) { return node.isFullScan(); });
    for (PlanNode& node : plan.nodes) {
        if (!node.readsTable())
            continue;
        if (sqlite) {
            const QString table = aliases.table(node.relation);
            if (!named.contains(
                    table.toLower())) { // once per name: a plan may read a table hundreds of times
                const Result<QStringList> found = db.tablesNamed({table});
                named.insert(table.toLower(), found && !found->isEmpty() ? found->first() : QString());
            }
            node.table = named.value(table.toLower());
            if (node.table.isEmpty())
                continue; // a CTE, a view or a subquery: no index map, no index
        } else {
            node.table = node.relation;
            if (node.schema.isEmpty())
                node.schema = QStringLiteral("public");
        }
        if (!node.isFullScan() && !node.usesAutomaticIndex() && !(sqlite && scans))
            continue;
        const QString key = PlanAdvisor::key(plan.dialect, node.schema, node.table);
        if (!tables.contains(key) && !unreadable.contains(key)) {
            const Result<TableInfo> info = reader.readTable(node.schema, node.table);
            if (!info) {
                unreadable.insert(key);
                continue;
            }
            TableInfo table = *info;
            if (sqlite && table.estimatedRows < 0 && !table.withoutRowid) {
                // No sqlite_stat1 (ANALYZE never ran): the largest rowid, one step down the table's B-tree,
                // stands in for the row count, so that a table of a handful of rows is not advised an index.
                const Result<QueryRows> top =
                    db.query(QStringLiteral("SELECT max(rowid) FROM \"%1\"")
                                 .arg(QString(table.name).replace(QLatin1Char('"'), QStringLiteral("\"\""))));
                if (top && !top->isEmpty())
                    table.estimatedRows = top->value(0, 0).toLongLong();
            }
            tables.insert(key, table);
        }
        if (unreadable.contains(key))
            continue;
        node.tableRows = tables.value(key).estimatedRows;
        if (!sqlite) {
            node.wantedColumns = FilterColumns::of(node.filter);
            // A full scan that feeds a join (through a Materialize or a Hash): the join's condition names the
            // columns an index would look this table up by, one probe per row of the other side.
            int join = node.parent;
            while (join >= 0 && (plan.nodes.at(join).nodeType == QLatin1String("Materialize") ||
                                 plan.nodes.at(join).nodeType == QLatin1String("Hash")))
                join = plan.nodes.at(join).parent;
            const bool joins = join >= 0 && !plan.nodes.at(join).joinCondition.isEmpty() &&
                               (plan.nodes.at(join).nodeType.endsWith(QLatin1String("Join")) ||
                                plan.nodes.at(join).nodeType == QLatin1String("Nested Loop"));
            if (node.wantedColumns.isEmpty() && joins) {
                node.wantedColumns = FilterColumns::of(plan.nodes.at(join).joinCondition,
                                                       node.alias.isEmpty() ? node.relation : node.alias);
                if (!node.wantedColumns.isEmpty())
                    node.joinedBy = join;
            }
            continue;
        }
        if (node.usesAutomaticIndex()) { // the planner already says which columns it looks up by
            node.wantedColumns = SqliteWhatIf::columnsOfLookup(node.indexCondition);
            continue;
        }
        QStringList columns;
        for (const ColumnInfo& column : tables.value(key).columns)
            if (aliases.words().contains(column.name.toLower()))
                columns << column.name;
        if (!columns.isEmpty())
            candidates.insert(node.relation, {node.table, columns});
    }
    if (sqlite && !candidates.isEmpty()) {
        QStringList scannedThen;
        const QHash<QString, QStringList> lookups =
            SqliteWhatIf::lookupColumns(db, sql, candidates, &scannedThen);
        QStringList scannedNow;
        for (const PlanNode& node : std::as_const(plan.nodes))
            if (node.isFullScan())
                scannedNow << node.relation;
        // With the indexes, a join may search the table it scanned and scan the one it searched: the same
        // full scan, moved. Only a plan that scans no table it did not scan before reads less.
        const bool moved =
            std::any_of(scannedThen.cbegin(), scannedThen.cend(),
                        [&scannedNow](const QString& name) { return !scannedNow.contains(name); });
        QStringList spared;
        for (const QString& name : std::as_const(scannedNow))
            if (!scannedThen.contains(name))
                spared << name;
        for (PlanNode& node : plan.nodes) {
            if (moved || !lookups.contains(node.relation))
                continue;
            if (node.isFullScan()) {
                node.wantedColumns = lookups.value(node.relation);
            } else if (node.nodeType == QLatin1String("SEARCH") && !spared.isEmpty()) {
                node.wantedColumns = lookups.value(node.relation);
                node.spares = spared;
            }
        }
    }
    m_advice = PlanAdvisor::advise(plan, tables);
}

} // namespace strata
