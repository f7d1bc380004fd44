// review_bench [STEPS] [--repeat N]: the PostgreSQL review of STEPS pending steps (default 2,000) on the test
// server (STRATA_TEST_PG_URL, PGPASSWORD), 100 tables of 1,000 rows each, every step adding a column,
// building an index, adding a foreign key and touching rows. Prints the median time of PlanReview::review
// (parse trees, rules, the live sizes and users of the 100 tables) and its ratio to parsing the same files
// with libpg_query alone (pg_query_parse, as the review's first pass does). Never passes or fails.
// Goal: 2,000 steps reviewed in <= 1 s.
#include <algorithm>
#include <cstdio>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <pg_query.h>

#include "dialects/postgres/PostgresDatabase.h"
#include "review/PlanReview.h"

using namespace strata;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

MigrationStep benchStep(int i)
{
    const int table = i % 100;
    MigrationStep s;
    s.version = 1000 + i;
    s.step = 1;
    s.name = QStringLiteral("change_%1").arg(i);
    s.forwardPath = QStringLiteral("%1_v%1/01_change_%1.sql").arg(1000 + i);
    s.forwardSql =
        QStringLiteral("-- Step %1 of the platform's schema work\n"
                       "SET LOCAL lock_timeout = '5s';\n"
                       "ALTER TABLE review_bench.fills_%2 ADD COLUMN note_%1 text DEFAULT 'n/a';\n"
                       "CREATE INDEX fills_%2_by_qty_%1 ON review_bench.fills_%2 (qty);\n"
                       "ALTER TABLE review_bench.fills_%2 ADD CONSTRAINT fills_%2_account_%1 FOREIGN KEY "
                       "(account_id) REFERENCES review_bench.accounts (id) NOT VALID;\n"
                       "UPDATE review_bench.fills_%2 SET qty = qty + 1 WHERE id = %1;\n")
            .arg(i)
            .arg(table)
            .toUtf8();
    return s;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int steps = 2000;
    int repeat = 5;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--repeat") && i + 1 < args.size())
            repeat = args.at(++i).toInt();
        else
            steps = args.at(i).toInt();
    }
    const QString url = qEnvironmentVariable("STRATA_TEST_PG_URL");
    auto parsed = ConnectionUrl::parse(url);
    if (url.isEmpty() || !parsed) {
        std::fprintf(stderr,
                     "set STRATA_TEST_PG_URL (and PGPASSWORD): bash tests/support/pg-test-server.sh start\n");
        return 2;
    }
    auto opened = PostgresDatabase::open(*parsed);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toText()));
        return 1;
    }
    auto& db = **opened;
    QByteArray fixture = "DROP SCHEMA IF EXISTS review_bench CASCADE;\nCREATE SCHEMA review_bench;\n"
                         "CREATE TABLE review_bench.accounts (id bigint PRIMARY KEY);\n"
                         "INSERT INTO review_bench.accounts SELECT generate_series(1, 100);\n";
    for (int t = 0; t < 100; ++t)
        fixture +=
            QStringLiteral("CREATE TABLE review_bench.fills_%1 (id bigint PRIMARY KEY, account_id bigint, "
                           "qty int);\nINSERT INTO review_bench.fills_%1 SELECT g, 1 + g %% 100, g FROM "
                           "generate_series(1, 1000) g;\n")
                .arg(t)
                .toUtf8()
                .replace("%%", "%");
    fixture += "ANALYZE;\n";
    if (auto made = db.runScript({QStringLiteral("fixture"), fixture, 1}, false); !made) {
        std::fprintf(stderr, "%s\n", qPrintable(made.error().toText()));
        return 1;
    }

    QList<MigrationStep> list;
    for (int i = 0; i < steps; ++i)
        list << benchStep(i);

    std::vector<double> parseMs;
    std::vector<double> reviewMs;
    int findings = 0;
    for (int r = 0; r < repeat; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (const auto& s : list) {
            PgQueryParseResult result = pg_query_parse(s.forwardSql.constData());
            pg_query_free_parse_result(result);
        }
        parseMs.push_back(double(timer.nsecsElapsed()) / 1e6);

        timer.restart();
        auto report = PlanReview::review(list, db);
        reviewMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!report) {
            std::fprintf(stderr, "%s\n", qPrintable(report.error().toText()));
            return 1;
        }
        findings = 0;
        for (const auto& s : report->steps)
            findings += int(s.findings.size());
    }
    (void)db.execute(QStringLiteral("DROP SCHEMA review_bench CASCADE"));
    const double parse = median(parseMs);
    const double review = median(reviewMs);
    std::printf("review_bench: %d steps (%d statements), %d findings, median of %d\n", steps, steps * 6,
                findings, repeat);
    std::printf("  libpg_query parse only: %8.1f ms\n", parse);
    std::printf("  PlanReview::review:     %8.1f ms  (%.1fx the parse; goal <= 1000 ms)\n", review,
                parse > 0 ? review / parse : 0.0);
    return 0;
}
