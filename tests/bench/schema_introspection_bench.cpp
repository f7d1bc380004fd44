// What reading a large schema costs: SchemaReader::read() against its catalog queries alone (the same
// resources/sql/<dialect>/schema_*.sql files run through the same Database, results discarded), on a SQLite
// file and a PostgreSQL database of 2,000 tables with 6,000 indexes and 1,999 foreign keys. Median of 5
// after one warm-up. Prints figures, never pass/fail. The goal: read() within 1.5x the raw queries
// and within 300 ms.
//
//   schema_introspection_bench [TABLES=2000]
//
// PostgreSQL needs STRATA_TEST_PG_URL (and PGPASSWORD); without it only SQLite is measured.

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "ScratchDatabases.h"
#include "connection/DatabaseOpener.h"
#include "schema/SchemaReader.h"

using namespace strata;

namespace {

constexpr int kRuns = 5;

/// Tables of a trading platform's shape, each with three secondary indexes (one unique, one partial) and a
/// foreign key to the one before, in batches of 100 per transaction (PostgreSQL locks every new relation
/// until commit).
QList<QByteArray> schemaScripts(int tables)
{
    QList<QByteArray> scripts;
    QByteArray script;
    for (int t = 0; t < tables; ++t) {
        const QByteArray name = "book_" + QByteArray::number(t);
        script += "CREATE TABLE " + name +
                  " (id integer PRIMARY KEY, account_id integer NOT NULL, symbol text NOT NULL, "
                  "qty integer NOT NULL DEFAULT 0, price numeric(18, 8), placed_at text, state text, "
                  "parent_id integer" +
                  (t > 0 ? " REFERENCES book_" + QByteArray::number(t - 1) + " (id) ON DELETE CASCADE" : "") +
                  ");\n";
        script += "CREATE INDEX " + name + "_account ON " + name + " (account_id, placed_at DESC);\n";
        script += "CREATE UNIQUE INDEX " + name + "_symbol ON " + name + " (symbol, id);\n";
        script += "CREATE INDEX " + name + "_open ON " + name + " (placed_at) WHERE state = 'open';\n";
        if ((t + 1) % 100 == 0 || t + 1 == tables) {
            scripts << "BEGIN;\n" + script + "COMMIT;\n";
            script.clear();
        }
    }
    return scripts;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Milliseconds of `work`, median of kRuns after one warm-up; false when a run failed.
bool measure(const std::function<bool()>& work, double& ms)
{
    if (!work())
        return false;
    std::vector<double> times;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer clock;
        clock.start();
        if (!work())
            return false;
        times.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    ms = median(times);
    return true;
}

bool bench(const QString& engine, Database& db, int tables)
{
    std::printf("%s: creating %d tables with %d indexes...\n", qPrintable(engine), tables, 3 * tables);
    std::fflush(stdout);
    QElapsedTimer created;
    created.start();
    for (const QByteArray& script : schemaScripts(tables)) {
        if (auto ran = db.runScript({QStringLiteral("bench.sql"), script, 1}, false); !ran) {
            std::fprintf(stderr, "%s\n", qPrintable(ran.error().toText()));
            return false;
        }
    }
    std::printf("  created in %.1f s\n", static_cast<double>(created.elapsed()) / 1000.0);

    SchemaReader reader(db);
    qsizetype indexes = 0;
    double readMs = 0;
    const bool readOk = measure(
        [&] {
            auto snapshot = reader.read();
            if (!snapshot) {
                std::fprintf(stderr, "%s\n", qPrintable(snapshot.error().toText()));
                return false;
            }
            indexes = 0;
            for (const TableInfo& t : snapshot->tables)
                indexes += t.indexes.size();
            return true;
        },
        readMs);
    if (!readOk)
        return false;

    // The raw questions: the same files, the same parameters (all tables), the rows thrown away.
    const QStringList questions = SchemaReader::catalogQueries(db.dialect());
    QStringList texts;
    for (const QString& name : questions)
        texts << db.catalogSql(name);
    double rawMs = 0;
    const bool rawOk = measure(
        [&] {
            for (const QString& sql : texts) {
                const bool filtered = sql.contains(QLatin1String("?1")) || sql.contains(QLatin1String("$1"));
                auto rows = db.query(sql, filtered ? QVariantList{QVariant(), QVariant()} : QVariantList{});
                if (!rows) {
                    std::fprintf(stderr, "%s\n", qPrintable(rows.error().toText()));
                    return false;
                }
            }
            return true;
        },
        rawMs);
    if (!rawOk)
        return false;

    const double ratio = readMs / rawMs;
    std::printf("  %lld indexes read; %lld questions: %s\n", static_cast<long long>(indexes),
                static_cast<long long>(questions.size()), qPrintable(questions.join(QLatin1String(", "))));
    std::printf("  SchemaReader::read()      %8.1f ms   (goal <= 300 ms: %s)\n", readMs,
                readMs <= 300 ? "met" : "NOT met");
    std::printf("  raw catalog queries alone %8.1f ms\n", rawMs);
    std::printf("  ratio                     %8.2fx     (goal <= 1.5x: %s)\n", ratio,
                ratio <= 1.5 ? "met" : "NOT met");
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int tables = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    if (tables < 2) {
        std::fprintf(stderr, "usage: schema_introspection_bench [TABLES=2000] (at least 2)\n");
        return 2;
    }
    int failures = 0;

    test::ScratchSqlite file(QStringLiteral("bench.db"));
    auto sqlite = DatabaseOpener::open(*ConnectionUrl::parse(file.url()));
    if (!sqlite || !bench(QStringLiteral("SQLite"), **sqlite, tables))
        ++failures;

    if (test::postgresServerUrl().isEmpty()) {
        std::printf("PostgreSQL: skipped (STRATA_TEST_PG_URL is not set)\n");
        return failures;
    }
    test::ScratchPostgres scratch;
    if (!scratch.ok()) {
        std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(scratch.error()));
        return failures + 1;
    }
    auto pg = DatabaseOpener::open(*ConnectionUrl::parse(scratch.url()));
    if (!pg) {
        std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(pg.error().toText()));
        return failures + 1;
    }
    if (!bench(QStringLiteral("PostgreSQL"), **pg, tables))
        ++failures;
    return failures;
}
