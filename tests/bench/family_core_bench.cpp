// family_core_bench [DAYS] [RUNS]: the family view's data (FamilyReader::read) for a family of 100, 500 and
// 2,000 strategy versions under one root, each with DAYS daily performance rows (default 365), beside 200
// strategies outside the family, on SQLite and — when STRATA_TEST_PG_URL is set — PostgreSQL. Prints the
// median of RUNS runs (default 5) of the whole read and of its parts timed again one by one: the lineage
// graph, the ordered pass that gives every result (FamilyReturnScan), the build (FamilyBuilder); and the
// ratio to the goal of 300 ms for 500 members (the desktop app adds the drawing: see the GUI's family bench).
// For comparison, the same sums as one GROUP BY statement ("SQL agg"), which the read does not use since the
// drawdown needs the ordered pass anyway, and that statement with the total return compounded in SQL
// (SUM(LN(1 + r)), "agg+LN"). Never passes or fails.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include "FamilyBenchRows.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "analytics/FamilyBuilder.h"
#include "analytics/FamilyReader.h"
#include "analytics/FamilyResultsQuery.h"
#include "analytics/FamilyReturnScan.h"
#include "strategy/StrategyStore.h"

using namespace strata;
using namespace strata::test;
using namespace strata::bench;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Figures
{
    double readMs = 0, lineageMs = 0, aggregateMs = 0, scanMs = 0, buildMs = 0, aggregateLnMs = 0;
    int members = 0;
    qint64 rows = 0;
};

Result<Figures> measure(Database& db, int runs)
{
    const QString root = strategyId(0);
    std::vector<double> read, lineage, aggregate, scan, build, aggregateLn;
    Figures f;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        auto view = FamilyReader(db).read(root);
        if (!view)
            return view.error();
        read.push_back(ms(t));
        f.members = int(view->members.size());

        // The same work in its parts.
        t.restart();
        auto graph = StrategyStore(db).lineage();
        if (!graph)
            return graph.error();
        lineage.push_back(ms(t));
        QStringList ids;
        for (const auto& m : view->members)
            ids << m.strategyId;
        ids.sort();
        QVariantList params;
        for (const QString& id : ids)
            params << id;
        t.restart();
        auto sums = db.query(FamilyResultsQuery::aggregateSql(ids.size(), db.dialect()), params);
        if (!sums)
            return sums.error();
        aggregate.push_back(ms(t));
        t.restart();
        qint64 rows = 0;
        if (auto s = FamilyReturnScan(db).scan(
                ids, [&](QByteArrayView, const FamilyReturnScan::Path& p) { rows += p.days; });
            !s)
            return s.error();
        scan.push_back(ms(t));
        f.rows = rows;
        t.restart();
        auto results = FamilyResultsQuery(db).read(ids);
        if (!results)
            return results.error();
        const double resultsMs = ms(t);
        Q_UNUSED(resultsMs);
        t.restart();
        const FamilyView rebuilt = FamilyBuilder::build(*graph, root, *results);
        build.push_back(ms(t));
        if (rebuilt.members.size() != view->members.size())
            std::printf("warning: the rebuilt view has %d members\n", int(rebuilt.members.size()));

        // The total return compounded in SQL instead of in the ordered pass.
        QString ln = FamilyResultsQuery::aggregateSql(ids.size(), db.dialect());
        ln.replace(QStringLiteral("SELECT strategy_id, COUNT(*),"),
                   QStringLiteral("SELECT strategy_id, COUNT(*), SUM(LN(1 + total_return_pct / 100.0)),"));
        t.restart();
        auto withLn = db.query(ln, params);
        if (!withLn)
            return withLn.error();
        aggregateLn.push_back(ms(t));
    }
    f.readMs = median(read);
    f.lineageMs = median(lineage);
    f.aggregateMs = median(aggregate);
    f.scanMs = median(scan);
    f.buildMs = median(build);
    f.aggregateLnMs = median(aggregateLn);
    return f;
}

int runEngine(const QString& engine, int days, int runs)
{
    std::printf("\n%s, %d days per strategy, %d outsiders, median of %d runs\n", qPrintable(engine), days,
                kOutsiders, runs);
    std::printf("%8s %9s %9s %9s %9s %9s %9s %9s %10s\n", "members", "rows", "read ms", "lineage", "pass",
                "build", "SQL agg", "agg+LN", "vs 300 ms");
    for (int members : {100, 500, 2000}) {
        std::unique_ptr<ScratchSqlite> sqlite;
        std::unique_ptr<ScratchPostgres> postgres;
        QString url;
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
        } else {
            postgres = std::make_unique<ScratchPostgres>();
            if (!postgres->ok()) {
                std::printf("PostgreSQL: %s\n", qPrintable(postgres->error()));
                return 1;
            }
            url = postgres->url();
        }
        auto db = MigrationHarness::open(url);
        auto set = MigrationHarness::load(QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy"));
        if (!db || !set || !MigrationHarness::migrate(**db, *set)) {
            std::printf("could not prepare %s\n", qPrintable(url));
            return 1;
        }
        if (!(*db)->begin() || !writeFamily(**db, members, days) || !(*db)->commit()) {
            std::printf("could not write the family\n");
            return 1;
        }
        if (engine != QLatin1String("sqlite"))
            (void)(*db)->execute(QStringLiteral("ANALYZE"));
        auto f = measure(**db, runs);
        if (!f) {
            std::printf("%s\n", qPrintable(f.error().toText()));
            return 1;
        }
        std::printf("%8d %9lld %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.2fx\n", f->members, f->rows, f->readMs,
                    f->lineageMs, f->scanMs, f->buildMs, f->aggregateMs, f->aggregateLnMs, f->readMs / 300.0);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int days = argc > 1 ? std::max(1, atoi(argv[1])) : 365;
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    std::printf(
        "family_core_bench: FamilyReader::read of one family (the read includes the build); the parts "
        "are timed again one by one\n");
    int rc = runEngine(QStringLiteral("sqlite"), days, runs);
    if (!qEnvironmentVariableIsEmpty("STRATA_TEST_PG_URL"))
        rc |= runEngine(QStringLiteral("postgresql"), days, runs);
    else
        std::printf("\nPostgreSQL: STRATA_TEST_PG_URL is not set, not measured\n");
    return rc;
}
