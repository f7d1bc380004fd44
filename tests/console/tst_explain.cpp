// Visual EXPLAIN's reading of plans on real SQLite files and a real PostgreSQL server: PostgreSQL's JSON
// plan with ANALYZE and BUFFERS figures, SQLite's EXPLAIN QUERY PLAN tree in 3.40's wording, EXPLAIN ANALYZE
// of a DELETE or UPDATE leaving every row as it was, the index advice for a full scan on a filtered column
// (and none once an index exists), a plan of hundreds of nodes, cancelling, and statements refused.

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include "CliProcess.h"
#include "ScratchDatabases.h"
#include "ScratchEngine.h"
#include "connection/DatabaseOpener.h"
#include "explain/ExplainJob.h"
#include "explain/FilterColumns.h"
#include "explain/PlanText.h"
#include "explain/SqlitePlanReader.h"
#include "jobs/JobRunner.h"
#include "schema/IndexAdvisor.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;

namespace {

std::unique_ptr<Database> openDb(const QString& url)
{
    auto db = DatabaseOpener::open(*ConnectionUrl::parse(url));
    if (!db) {
        qWarning("%s", qPrintable(db.error().toText()));
        return nullptr;
    }
    return std::move(db).value();
}

/// orders (20,000 rows, state mostly 'filled', 20 'rejected') and fills, with an index on orders.account.
bool fillTables(Database& db)
{
    const bool pg = db.dialect() == Dialect::Postgres;
    const QStringList statements{
        QStringLiteral(
            "CREATE TABLE orders (id integer PRIMARY KEY, account text NOT NULL, state text NOT NULL, "
            "qty integer NOT NULL)"),
        QStringLiteral("CREATE INDEX orders_account ON orders (account)"),
        QStringLiteral(
            "CREATE TABLE fills (id integer PRIMARY KEY, order_id integer NOT NULL, px real NOT NULL)"),
        pg ? QStringLiteral("INSERT INTO orders SELECT g, 'acct' || (g % 50), CASE WHEN g % 1000 = 0 THEN "
                            "'rejected' ELSE 'filled' END, g % 300 FROM generate_series(1, 20000) g")
           : QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 20000) "
                            "INSERT INTO orders SELECT n, 'acct' || (n % 50), CASE WHEN n % 1000 = 0 THEN "
                            "'rejected' ELSE 'filled' END, n % 300 FROM g"),
        QStringLiteral("INSERT INTO fills SELECT id, id, qty * 1.5 FROM orders"),
        QStringLiteral("ANALYZE"),
    };
    for (const QString& sql : statements) {
        if (Status s = db.execute(sql); !s) {
            qWarning("%s", qPrintable(s.error().toText()));
            return false;
        }
    }
    return true;
}

qint64 scalar(Database& db, const QString& sql)
{
    auto rows = db.query(sql);
    return rows ? rows->value(0, 0).toLongLong() : -1;
}

/// Runs an ExplainJob on `db` (this thread) and returns it.
std::unique_ptr<ExplainJob> explained(Database& db, const QString& sql, bool analyze,
                                      Status* status = nullptr)
{
    auto job = std::make_unique<ExplainJob>(sql, analyze);
    std::atomic_bool cancel{false};
    Status s = job->run(db, Progress({}, &cancel));
    if (status)
        *status = s;
    else if (!s)
        qWarning("%s", qPrintable(s.error().toText()));
    return job;
}

const PlanNode* firstOf(const QueryPlan& plan, const std::function<bool(const PlanNode&)>& wanted)
{
    for (const PlanNode& node : plan.nodes)
        if (wanted(node))
            return &node;
    return nullptr;
}

} // namespace

class TestExplain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void engines_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void postgresJsonPlanWithAnalyzeAndBuffers()
    {
        ScratchPostgres pg;
        STRATA_REQUIRE_POSTGRES(pg);
        auto db = openDb(pg.url());
        QVERIFY(db && fillTables(*db));
        auto job =
            explained(*db,
                      QStringLiteral("SELECT o.account, sum(f.px) FROM orders o JOIN fills f ON f.order_id = "
                                     "o.id WHERE o.qty > 10 GROUP BY o.account ORDER BY 2 DESC;"),
                      true);
        QVERIFY(job->plan());
        const QueryPlan& plan = *job->plan();
        QCOMPARE(plan.dialect, Dialect::Postgres);
        QVERIFY(plan.analyzed);
        QVERIFY2(plan.executionMs > 0, qPrintable(PlanText::tree(plan, {})));
        QVERIFY(plan.planningMs >= 0);
        QCOMPARE(plan.roots.size(), 1);
        QVERIFY(plan.size() >= 4);
        // Every node ran, with loops, times and buffers; the tree's parent links agree with children.
        double exclusive = 0;
        for (qsizetype i = 0; i < plan.size(); ++i) {
            const PlanNode& n = plan.nodes.at(i);
            QVERIFY2(n.analyzed && n.actualLoops >= 1 && n.actualTotalMs >= 0, qPrintable(n.title()));
            QVERIFY2(n.sharedHit >= 0 && n.sharedRead >= 0, qPrintable(n.title()));
            QVERIFY(n.totalCost >= n.startupCost && n.planRows >= 0);
            for (int child : n.children)
                QCOMPARE(plan.nodes.at(child).parent, int(i));
            exclusive += n.exclusiveMs;
        }
        // Exclusive times add up to the root's inclusive time (rounding aside).
        QVERIFY2(qAbs(exclusive - plan.nodes.at(0).inclusiveMs()) <
                     0.05 * plan.nodes.at(0).inclusiveMs() + 0.1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(exclusive).arg(plan.nodes.at(0).inclusiveMs())));
        const PlanNode* scan =
            firstOf(plan, [](const PlanNode& n) { return n.relation == QLatin1String("orders"); });
        QVERIFY(scan);
        QCOMPARE(scan->schema, QStringLiteral("public"));
        QCOMPARE(scan->alias, QStringLiteral("o"));
        QCOMPARE(scan->table, QStringLiteral("orders"));
        QVERIFY(scan->filter.contains(QLatin1String("qty")));
        QVERIFY(firstOf(plan, [](const PlanNode& n) { return n.expense != PlanExpense::None; }));
        const QJsonObject json = PlanText::json(plan, job->advice());
        QCOMPARE(json.value(QLatin1String("nodes")).toArray().size(), plan.size());
    }

    void sqliteQueryPlanTree()
    {
        ScratchSqlite file;
        auto db = openDb(file.url());
        QVERIFY(db && fillTables(*db));
        // MULTI-INDEX OR: a root with two INDEX branches, each with its SEARCH, as SQLite 3.40 draws it.
        auto job =
            explained(*db, QStringLiteral("SELECT * FROM orders WHERE account = 'acct1' OR id = 3"), false);
        QVERIFY(job->plan());
        const QueryPlan& plan = *job->plan();
        QCOMPARE(plan.roots.size(), 1);
        const PlanNode& root = plan.nodes.at(plan.roots.first());
        QCOMPARE(root.nodeType, QStringLiteral("MULTI-INDEX OR"));
        QCOMPARE(root.children.size(), 2);
        const PlanNode& first = plan.nodes.at(plan.nodes.at(root.children.at(0)).children.value(0));
        QCOMPARE(first.nodeType, QStringLiteral("SEARCH"));
        QCOMPARE(first.index, QStringLiteral("orders_account"));
        QCOMPARE(first.indexCondition, QStringLiteral("account=?"));
        QCOMPARE(first.table, QStringLiteral("orders"));
        const PlanNode& second = plan.nodes.at(plan.nodes.at(root.children.at(1)).children.value(0));
        QCOMPARE(second.index, QStringLiteral("INTEGER PRIMARY KEY"));

        // A join by aliases: the alias is resolved to its table; ORDER BY without an index sorts in a temp
        // B-tree.
        auto join = explained(*db,
                              QStringLiteral("SELECT o.id, f.px FROM orders AS o JOIN fills f ON f.id = o.id "
                                             "WHERE o.account = 'acct7' ORDER BY f.px"),
                              false);
        QVERIFY(join->plan());
        const QueryPlan& joined = *join->plan();
        const PlanNode* o =
            firstOf(joined, [](const PlanNode& n) { return n.relation == QLatin1String("o"); });
        const PlanNode* f =
            firstOf(joined, [](const PlanNode& n) { return n.relation == QLatin1String("f"); });
        QVERIFY2(o && f, qPrintable(PlanText::tree(joined, {})));
        QCOMPARE(o->table, QStringLiteral("orders"));
        QCOMPARE(f->table, QStringLiteral("fills"));
        QCOMPARE(o->detail, QStringLiteral("SEARCH o USING COVERING INDEX orders_account (account=?)"));
        const PlanNode* sort =
            firstOf(joined, [](const PlanNode& n) { return n.nodeType == QLatin1String("USE TEMP B-TREE"); });
        QVERIFY(sort);
        QCOMPARE(sort->detail, QStringLiteral("USE TEMP B-TREE FOR ORDER BY"));
        QCOMPARE(sort->expense, PlanExpense::Notable);

        // A join on a column without an index: SQLite builds an automatic index for the query, and a
        // permanent one is advised.
        auto automatic = explained(
            *db, QStringLiteral("SELECT * FROM orders o JOIN fills f ON f.order_id = o.qty"), false);
        QVERIFY(automatic->plan());
        const PlanNode* built =
            firstOf(*automatic->plan(), [](const PlanNode& n) { return n.usesAutomaticIndex(); });
        QVERIFY2(built, qPrintable(PlanText::tree(*automatic->plan(), {})));
        QCOMPARE(built->detail, QStringLiteral("SEARCH f USING AUTOMATIC COVERING INDEX (order_id=?)"));
        QCOMPARE(built->table, QStringLiteral("fills"));
        QCOMPARE(automatic->advice().size(), 1);
        QCOMPARE(automatic->advice().first().columns, QStringList{QStringLiteral("order_id")});

        // fills scanned, orders searched by its key: with an index on orders (state) SQLite would search
        // orders first (sparing the scan of fills) and fills by order_id. Both are advised, each beside its
        // step.
        auto both =
            explained(*db,
                      QStringLiteral("SELECT o.account, sum(f.px) FROM orders o JOIN fills f ON f.order_id = "
                                     "o.id WHERE o.state = 'rejected' GROUP BY o.account"),
                      false);
        QVERIFY(both->plan());
        const PlanNode* scanned = firstOf(*both->plan(), [](const PlanNode& n) { return n.isFullScan(); });
        const PlanNode* searched =
            firstOf(*both->plan(), [](const PlanNode& n) { return n.nodeType == QLatin1String("SEARCH"); });
        QVERIFY2(scanned && searched && scanned->relation == QLatin1String("f") &&
                     searched->relation == QLatin1String("o"),
                 qPrintable(PlanText::tree(*both->plan(), both->advice())));
        QCOMPARE(both->advice().size(), 2);
        QCOMPARE(both->advice().at(scanned->advice).columns, QStringList{QStringLiteral("order_id")});
        QCOMPARE(both->advice().at(searched->advice).columns, QStringList{QStringLiteral("state")});
        QCOMPARE(searched->spares, QStringList{QStringLiteral("f")});

        // A correlated subquery is a child of its own node; a covering index is said so.
        auto sub =
            explained(*db,
                      QStringLiteral("SELECT account, (SELECT max(px) FROM fills WHERE fills.id = orders.id) "
                                     "FROM orders WHERE account = 'acct2'"),
                      false);
        QVERIFY(sub->plan());
        const PlanNode* correlated = firstOf(*sub->plan(), [](const PlanNode& n) {
            return n.nodeType.startsWith(QLatin1String("CORRELATED SCALAR SUBQUERY"));
        });
        QVERIFY2(correlated && correlated->children.size() == 1,
                 qPrintable(PlanText::tree(*sub->plan(), {})));
        const PlanNode* covering =
            firstOf(*sub->plan(), [](const PlanNode& n) { return n.relation == QLatin1String("orders"); });
        QVERIFY(covering && covering->coveringIndex);
    }

    void sqliteDetailWording()
    {
        const PlanNode scan =
            SqlitePlanReader::nodeOf(QStringLiteral("SCAN orders USING COVERING INDEX orders_account"));
        QCOMPARE(scan.nodeType, QStringLiteral("SCAN"));
        QCOMPARE(scan.relation, QStringLiteral("orders"));
        QCOMPARE(scan.index, QStringLiteral("orders_account"));
        QVERIFY(scan.coveringIndex && scan.isFullScan()); // every entry of the index, in its order
        const PlanNode automatic =
            SqlitePlanReader::nodeOf(QStringLiteral("SEARCH f USING AUTOMATIC COVERING INDEX (order_id=?)"));
        QCOMPARE(automatic.relation, QStringLiteral("f"));
        QCOMPARE(automatic.indexCondition, QStringLiteral("order_id=?"));
        QVERIFY(!automatic.index.isEmpty());
        const PlanNode constant = SqlitePlanReader::nodeOf(QStringLiteral("SCAN CONSTANT ROW"));
        QVERIFY(constant.relation.isEmpty() && !constant.isFullScan());
        QVERIFY(SqlitePlanReader::nodeOf(QStringLiteral("SCAN fills")).isFullScan());
    }

    void filterColumnsByPostgresParser()
    {
        // As PostgreSQL prints a Filter: equality first, ranges after, a column inside a function left out.
        QCOMPARE(FilterColumns::of(QStringLiteral("((qty > 5) AND ((o.state)::text = 'open'::text) AND "
                                                  "(lower(account) = 'x'::text))")),
                 (QStringList{QStringLiteral("state"), QStringLiteral("qty")}));
        QCOMPARE(FilterColumns::of(QStringLiteral("(venue = ANY ('{a,b}'::text[]))")),
                 QStringList{QStringLiteral("venue")});
        QCOMPARE(FilterColumns::of(QStringLiteral("(closed_at IS NULL)")),
                 QStringList{QStringLiteral("closed_at")});
        QVERIFY(FilterColumns::of(QStringLiteral("((qty > ")).isEmpty());
        // A join's condition, for one side of it.
        QCOMPARE(FilterColumns::of(QStringLiteral("(f.order_id = o.id)"), QStringLiteral("f")),
                 QStringList{QStringLiteral("order_id")});
        QCOMPARE(FilterColumns::of(QStringLiteral("(f.order_id = o.id)"), QStringLiteral("o")),
                 QStringList{QStringLiteral("id")});
    }

    void analyzeLeavesRowsAsTheyWere_data() { engines_data(); }
    void analyzeLeavesRowsAsTheyWere()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        auto db = openDb(url);
        QVERIFY(db && fillTables(*db));
        const qint64 before = scalar(*db, QStringLiteral("SELECT count(*) FROM orders"));
        QCOMPARE(before, 20000);
        auto del = explained(*db, QStringLiteral("DELETE FROM orders WHERE qty < 100"), true);
        QVERIFY(del->plan());
        QVERIFY(del->plan()->analyzed);
        QVERIFY(del->plan()->note.contains(QLatin1String("rolled back")));
        if (engine == QLatin1String("sqlite"))
            QCOMPARE(del->plan()->statementRows,
                     scalar(*db, QStringLiteral("SELECT count(*) FROM orders WHERE qty < 100")));
        else
            QVERIFY(firstOf(*del->plan(),
                            [](const PlanNode& n) { return n.nodeType == QLatin1String("ModifyTable"); }));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM orders")), before);

        auto upd =
            explained(*db, QStringLiteral("UPDATE orders SET qty = qty + 1000 WHERE state = 'filled'"), true);
        QVERIFY(upd->plan() && upd->plan()->analyzed);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT max(qty) FROM orders")), 299);
        // The connection is usable after: no transaction was left open.
        QVERIFY(db->execute(QStringLiteral("INSERT INTO fills VALUES (999999, 1, 1.0)")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM fills WHERE id = 999999")), 1);
    }

    void adviceForAFullScanAndNoneWithAnIndex_data() { engines_data(); }
    void adviceForAFullScanAndNoneWithAnIndex()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        auto db = openDb(url);
        QVERIFY(db && fillTables(*db));
        const QString sql = QStringLiteral("SELECT id, qty FROM orders o WHERE o.state = 'rejected'");
        auto job = explained(*db, sql, false);
        QVERIFY(job->plan());
        QCOMPARE(job->advice().size(), 1);
        const IndexAdvice& advice = job->advice().first();
        QCOMPARE(advice.kind, IndexAdvice::Kind::MissingForQuery);
        QCOMPARE(advice.table, QStringLiteral("orders"));
        QCOMPARE(advice.columns, QStringList{QStringLiteral("state")});
        QVERIFY2(advice.sql.startsWith(engine == QLatin1String("sqlite")
                                           ? QLatin1String("CREATE INDEX orders_state_idx")
                                           : QLatin1String("CREATE INDEX CONCURRENTLY orders_state_idx")),
                 qPrintable(advice.sql));
        const PlanNode* scan = firstOf(*job->plan(), [](const PlanNode& n) { return n.isFullScan(); });
        QVERIFY(scan);
        QCOMPARE(scan->advice, 0);
        QCOMPARE(scan->table, QStringLiteral("orders"));

        // The Schema tab's advice takes it in while the table has no such index.
        IndexAdviceContext context;
        context.fromPlans = job->advice();
        SchemaReader reader(*db);
        auto table = reader.readTable(engine == QLatin1String("sqlite") ? QStringLiteral("main")
                                                                        : QStringLiteral("public"),
                                      QStringLiteral("orders"));
        QVERIFY(table);
        QCOMPARE(IndexAdvisor::advise(*table, db->dialect(), context).size(), 1);

        // A lookup the existing index serves gets none; nor does the query once the advised index exists.
        auto served = explained(*db, QStringLiteral("SELECT * FROM orders WHERE account = 'acct3'"), false);
        QVERIFY(served->plan());
        QVERIFY(served->advice().isEmpty());
        QVERIFY(db->execute(QString(advice.sql).remove(QStringLiteral("CONCURRENTLY "))));
        if (engine == QLatin1String("postgresql"))
            QVERIFY(db->execute(QStringLiteral("ANALYZE orders")));
        auto again = explained(*db, sql, false);
        QVERIFY(again->plan());
        QVERIFY2(again->advice().isEmpty(), qPrintable(PlanText::tree(*again->plan(), again->advice())));
        auto reread = reader.readTable(table->schema, QStringLiteral("orders"));
        QVERIFY(reread);
        QCOMPARE(IndexAdvisor::advise(*reread, db->dialect(), context).size(), 0);
    }

    void noAdviceForASmallTableOrAWideFilter()
    {
        ScratchPostgres pg;
        STRATA_REQUIRE_POSTGRES(pg);
        auto db = openDb(pg.url());
        QVERIFY(db && fillTables(*db));
        // 'filled' is 98% of the table: an index would not help, and none is advised.
        auto wide = explained(*db, QStringLiteral("SELECT * FROM orders WHERE state = 'filled'"), true);
        QVERIFY(wide->plan());
        QVERIFY(wide->advice().isEmpty());
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE venues2 (id integer, name text)")));
        QVERIFY(db->execute(
            QStringLiteral("INSERT INTO venues2 SELECT g, 'v' || g FROM generate_series(1, 50) g")));
        QVERIFY(db->execute(QStringLiteral("ANALYZE venues2")));
        auto small = explained(*db, QStringLiteral("SELECT * FROM venues2 WHERE name = 'v7'"), false);
        QVERIFY(small->plan());
        QVERIFY(small->advice().isEmpty());
    }

    void adviceForAJoinThatScansForAFewRows()
    {
        ScratchPostgres pg;
        STRATA_REQUIRE_POSTGRES(pg);
        auto db = openDb(pg.url());
        QVERIFY(db && fillTables(*db));
        // Two orders joined to their fills: PostgreSQL hashes the two orders and reads all of fills to probe.
        const QString sql =
            QStringLiteral("SELECT * FROM orders o JOIN fills f ON f.order_id = o.id WHERE o.id IN (5, 7)");
        auto job = explained(*db, sql, true);
        QVERIFY(job->plan());
        const PlanNode* scan = firstOf(*job->plan(), [](const PlanNode& n) { return n.isFullScan(); });
        QVERIFY2(scan && scan->table == QLatin1String("fills") && scan->joinedBy >= 0,
                 qPrintable(PlanText::tree(*job->plan(), job->advice())));
        QCOMPARE(job->advice().size(), 1);
        QCOMPARE(job->advice().first().columns, QStringList{QStringLiteral("order_id")});
        QVERIFY2(job->advice().first().message.contains(QLatin1String("f.order_id = o.id")),
                 qPrintable(job->advice().first().message));
        QVERIFY(db->execute(QStringLiteral("CREATE INDEX fills_order ON fills (order_id)")));
        QVERIFY(db->execute(QStringLiteral("ANALYZE fills")));
        auto again = explained(*db, sql, true);
        QVERIFY(again->plan());
        QVERIFY2(again->advice().isEmpty(), qPrintable(PlanText::tree(*again->plan(), again->advice())));
    }

    void noAdviceForATinySqliteTableWithoutStatistics()
    {
        // No ANALYZE, so no sqlite_stat1: the table's size is read from its largest rowid.
        ScratchSqlite file;
        auto db = openDb(file.url());
        QVERIFY(db);
        QVERIFY(
            db->execute(QStringLiteral("CREATE TABLE venues (id integer PRIMARY KEY, name text NOT NULL)")));
        QVERIFY(db->execute(QStringLiteral("INSERT INTO venues (name) VALUES ('xnas'), ('xlon'), ('xpar')")));
        auto tiny = explained(*db, QStringLiteral("SELECT id FROM venues WHERE name = 'xlon'"), false);
        QVERIFY(tiny->plan());
        QVERIFY2(tiny->advice().isEmpty(), qPrintable(PlanText::tree(*tiny->plan(), tiny->advice())));
        QVERIFY(db->execute(
            QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < "
                           "5000) INSERT INTO venues (name) SELECT 'v' || n FROM g")));
        auto large = explained(*db, QStringLiteral("SELECT id FROM venues WHERE name = 'xlon'"), false);
        QVERIFY(large->plan());
        QCOMPARE(large->advice().size(), 1);
        QCOMPARE(large->advice().first().columns, QStringList{QStringLiteral("name")});
    }

    void hugePlan_data() { engines_data(); }
    void hugePlan()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        auto db = openDb(url);
        QVERIFY(db && fillTables(*db));
        QStringList selects;
        for (int i = 0; i < 300; ++i)
            selects << QStringLiteral("SELECT id FROM orders WHERE qty = %1").arg(i);
        auto job = explained(*db, selects.join(QStringLiteral(" UNION ALL ")), false);
        QVERIFY(job->plan());
        QVERIFY2(job->plan()->size() > 300, qPrintable(QString::number(job->plan()->size())));
    }

    void cancelStopsWithinASecond_data() { engines_data(); }
    void cancelStopsWithinASecond()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        {
            auto db = openDb(url);
            QVERIFY(db && fillTables(*db));
        }
        const QString endless =
            engine == QLatin1String("sqlite")
                ? QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                 "DELETE FROM orders WHERE id IN (SELECT x FROM c WHERE x < 0)")
                : QStringLiteral("DELETE FROM orders WHERE id < pg_sleep(60)::text::int + 1");
        auto job = std::make_unique<ExplainJob>(endless, true);
        JobRunner runner(*ConnectionUrl::parse(url), std::move(job));
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start();
        QTest::qWait(700);
        QVERIFY(finished.isEmpty());
        QElapsedTimer timer;
        timer.start();
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        qInfo("cancel to end: %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const Error error = finished.first().at(1).value<Error>();
        QVERIFY2(error.what.contains(QLatin1String("cancelled")), qPrintable(error.toText()));
        auto db = openDb(url);
        QVERIFY(db);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM orders")), 20000);
    }

    void cliExplain_data() { engines_data(); }
    void cliExplain()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        {
            auto db = openDb(url);
            QVERIFY(db && fillTables(*db));
        }
        // --json: the nodes with their figures and the advice, as the panel has them.
        auto json =
            CliProcess::run({QStringLiteral("--db"), url, QStringLiteral("--json"), QStringLiteral("explain"),
                             QStringLiteral("SELECT id FROM orders WHERE state = 'rejected'")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject doc = json.json();
        QCOMPARE(doc.value(QLatin1String("command")).toString(), QStringLiteral("explain"));
        QVERIFY(doc.value(QLatin1String("ok")).toBool());
        QVERIFY(!doc.value(QLatin1String("nodes")).toArray().isEmpty());
        const QJsonArray advice = doc.value(QLatin1String("advice")).toArray();
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice.at(0).toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("missing_for_query"));
        if (engine == QLatin1String("postgresql"))
            QVERIFY(doc.value(QLatin1String("nodes"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QLatin1String("total_cost"))
                        .toDouble() > 0);
        // --analyze of a DELETE: a tree on stdout, the rows still there.
        auto analyze = CliProcess::run({QStringLiteral("--db"), url, QStringLiteral("explain"),
                                        QStringLiteral("--analyze"),
                                        QStringLiteral("DELETE FROM orders WHERE qty < 10")});
        QVERIFY2(analyze.exitCode == 0, qPrintable(analyze.err));
        QVERIFY2(analyze.out.contains(QLatin1String("rolled back")), qPrintable(analyze.out));
        auto db = openDb(url);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM orders")), 20000);
        // Two statements: a usage error (exit 2), nothing run; a statement the database refuses: exit 1.
        auto two = CliProcess::run({QStringLiteral("--db"), url, QStringLiteral("explain"),
                                    QStringLiteral("DELETE FROM orders; COMMIT")});
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.contains(QLatin1String("2 statements")), qPrintable(two.err));
        auto refused = CliProcess::run({QStringLiteral("--db"), url, QStringLiteral("explain"),
                                        QStringLiteral("SELECT * FROM nowhere_table")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("nowhere_table")), qPrintable(refused.err));
        auto empty = CliProcess::run({QStringLiteral("--db"), url, QStringLiteral("explain")});
        QCOMPARE(empty.exitCode, 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM orders")), 20000);
    }

    void connectionEndedByTheServer()
    {
        ScratchPostgres pg;
        STRATA_REQUIRE_POSTGRES(pg);
        auto db = openDb(pg.url());
        QVERIFY(db && fillTables(*db));
        JobRunner runner(*ConnectionUrl::parse(pg.url()),
                         std::make_unique<ExplainJob>(QStringLiteral("SELECT pg_sleep(60)"), true));
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start();
        // This test's own database only: other tests on the server run EXPLAINs of pg_sleep of their own.
        const QString running =
            QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                           "AND query LIKE 'EXPLAIN%pg_sleep%' AND pid <> pg_backend_pid()");
        const auto started = [&] {
            auto rows = db->query(running);
            return rows && rows->rows.size() == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(started(), 10000);
        QVERIFY(finished.isEmpty());
        auto ended =
            db->query(QStringLiteral("SELECT pg_terminate_backend(pid) FROM (%1) AS explain").arg(running));
        QVERIFY(ended && ended->rows.size() == 1);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const Error error = finished.first().at(1).value<Error>();
        qInfo("%s", qPrintable(error.toText()));
        QVERIFY2(!error.what.isEmpty() && !error.next.isEmpty(), qPrintable(error.toText()));
        QVERIFY2(error.what.contains(QLatin1String("terminat"), Qt::CaseInsensitive) ||
                     error.what.contains(QLatin1String("connection"), Qt::CaseInsensitive),
                 qPrintable(error.toText()));
        QVERIFY2(!error.next.contains(QLatin1String("Correct the statement")), qPrintable(error.toText()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM orders")), 20000);
    }

    void badStatements_data() { engines_data(); }
    void badStatements()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        auto db = openDb(url);
        QVERIFY(db && fillTables(*db));
        Status status;
        explained(*db, QStringLiteral("   -- nothing\n"), false, &status);
        QVERIFY(!status);
        QVERIFY(status.error().what.contains(QLatin1String("no statement")));
        explained(*db, QStringLiteral("DELETE FROM orders; COMMIT"), true, &status);
        QVERIFY(!status);
        QVERIFY2(status.error().what.contains(QLatin1String("2 statements")),
                 qPrintable(status.error().toText()));
        explained(*db, QStringLiteral("COMMIT"), false, &status);
        QVERIFY(!status);
        QVERIFY(status.error().what.contains(QLatin1String("transaction")));
        explained(*db, QStringLiteral("SELECT * FROM nowhere_table"), false, &status);
        QVERIFY(!status);
        QVERIFY2(status.error().what.contains(QLatin1String("nowhere_table")),
                 qPrintable(status.error().toText()));
        QVERIFY(status.error().next.contains(QLatin1String("Correct the statement")));
        explained(*db, QStringLiteral("SELEC 1"), true, &status);
        QVERIFY(!status);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM orders")), 20000);
        // A trailing semicolon and comments are fine.
        auto ok =
            explained(*db, QStringLiteral("/* top */ SELECT count(*) FROM orders; -- done"), false, &status);
        QVERIFY2(status, qPrintable(status.ok() ? QString() : status.error().toText()));
        QVERIFY(ok->plan() && !ok->plan()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExplain)
#include "tst_explain.moc"
