// review_sqlite_bench: the SQLite review of 2,000 pending steps (goal: <= 1 s) on a database of 100 tables of
// 1,000 rows and one of 200,000, each step adding a column, building an index and updating rows.
// Usage: review_sqlite_bench [STEPS]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sqlite3.h>

#include "dialects/sqlite/SqliteDatabase.h"
#include "review/PlanReview.h"

using namespace strata;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int stepCount = argc > 1 ? std::atoi(argv[1]) : 2000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    sqlite3* raw = nullptr;
    sqlite3_open(path.toUtf8().constData(), &raw);
    QByteArray fixture = "BEGIN;\n";
    for (int t = 0; t < 100; ++t)
        fixture +=
            QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, a INTEGER, b TEXT);\n"
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                           "INSERT INTO t%1 (a, b) SELECT i, 'x' || i FROM n;\n")
                .arg(t)
                .toUtf8();
    fixture += "CREATE TABLE fills (id INTEGER PRIMARY KEY, qty INTEGER, px REAL);\n"
               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
               "INSERT INTO fills (qty, px) SELECT i % 100, i * 0.01 FROM n;\nCOMMIT;\n";
    if (sqlite3_exec(raw, fixture.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "fixture: %s\n", sqlite3_errmsg(raw));
        return 1;
    }
    sqlite3_close(raw);
    auto db = SqliteDatabase::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toText()));
        return 1;
    }

    QList<MigrationStep> steps;
    for (int i = 0; i < stepCount; ++i) {
        MigrationStep step;
        step.version = i / 4 + 1;
        step.step = i % 4 + 1;
        step.forwardPath = QStringLiteral("%1/%2.sql").arg(step.version).arg(step.step);
        const int t = i % 100;
        step.forwardSql = QStringLiteral("-- step %1\n"
                                         "ALTER TABLE t%2 ADD COLUMN c%1 TEXT NOT NULL DEFAULT '';\n"
                                         "CREATE INDEX t%2_c%1 ON t%2 (a, \"b\");\n"
                                         "UPDATE t%2 SET b = 'y' WHERE a < 10; -- small\n"
                                         "UPDATE fills SET px = px * 2 WHERE qty = %3;\n"
                                         "DELETE FROM t%2 WHERE id = -1;\n")
                              .arg(i)
                              .arg(t)
                              .arg(i % 100)
                              .toUtf8();
        steps.append(step);
    }
    QElapsedTimer clock;
    clock.start();
    auto report = PlanReview::review(steps, **db);
    const qint64 ms = clock.elapsed();
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().toText()));
        return 1;
    }
    int findings = 0;
    for (const auto& step : report->steps)
        findings += static_cast<int>(step.findings.size());
    std::printf("review of %d SQLite steps (%d statements): %lld ms, %d findings\n", stepCount, stepCount * 5,
                static_cast<long long>(ms), findings);
    return 0;
}
