// migration_set_bench [FILES...] [--repeat N]: loading and planning a migration folder of each layout Strata
// reads (its own, seed 001's numbered SQL, golang-migrate, dbmate, goose, Flyway with dotted versions and
// R__ scripts, Prisma, sqlx reversible, Alembic revisions read without Python), written with FILES files
// (default 1000 2000 4000), as MigrationSetLoader::load then MigrationPlanner::planUp on an empty database's
// history do it for `strata-cli plan` and `migrate`. Prints the median milliseconds per layout and size, and
// the cost per 1,000 files, so that linear growth shows. Never passes or fails. Goal: a 2,000-file folder in
// <= 100 ms.

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationSetLoader.h"

using namespace strata;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

void write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
}

/// A migration as teams write them: a table of a trading platform with a few columns and an index.
QByteArray createTable(int i)
{
    return QStringLiteral(
               "CREATE TABLE fills_%1 (\n    id BIGINT PRIMARY KEY,\n    account_id BIGINT NOT NULL,\n"
               "    symbol TEXT NOT NULL,\n    qty NUMERIC NOT NULL DEFAULT 0,\n"
               "    px NUMERIC NOT NULL,\n    booked_at TIMESTAMP NOT NULL\n);\n"
               "CREATE INDEX fills_%1_account ON fills_%1 (account_id, booked_at);\n")
        .arg(i)
        .toUtf8();
}

QByteArray dropTable(int i)
{
    return QStringLiteral("DROP TABLE fills_%1;\n").arg(i).toUtf8();
}

struct Layout
{
    const char* name;
    /// Writes a folder of about `files` files into `dir`.
    std::function<void(const QString& dir, int files)> write;
};

const std::vector<Layout> kLayouts = {
    {"strata",
     [](const QString& dir, int files) {
         for (int v = 1; v <= files / 2; ++v) {
             const QString folder = QStringLiteral("%1/%2_release").arg(dir).arg(v, 4, 10, QLatin1Char('0'));
             write(folder + QStringLiteral("/01_tables.sql"), "-- strata:phase core\n" + createTable(v));
             write(folder + QStringLiteral("/01_tables.down.sql"), dropTable(v));
         }
     }},
    {"numbered",
     [](const QString& dir, int files) {
         for (int v = 1; v <= files; ++v)
             write(QStringLiteral("%1/%2_add_fills_%3.sql").arg(dir).arg(v, 4, 10, QLatin1Char('0')).arg(v),
                   QStringLiteral("-- Migration: %1_add_fills\n-- Description: fills table %1\n-- Created: "
                                  "2026-01-14\n\n")
                           .arg(v)
                           .toUtf8() +
                       createTable(v));
     }},
    {"golang-migrate",
     [](const QString& dir, int files) {
         for (int v = 1; v <= files / 2; ++v) {
             write(QStringLiteral("%1/%2_add_fills.up.sql").arg(dir).arg(v), createTable(v));
             write(QStringLiteral("%1/%2_add_fills.down.sql").arg(dir).arg(v), dropTable(v));
         }
     }},
    {"dbmate",
     [](const QString& dir, int files) {
         for (int v = 1; v <= files; ++v)
             write(QStringLiteral("%1/%2_add_fills.sql").arg(dir).arg(20240101000000LL + v),
                   "-- migrate:up\n" + createTable(v) + "\n-- migrate:down\n" + dropTable(v));
     }},
    {"goose",
     [](const QString& dir, int files) {
         for (int v = 1; v <= files; ++v)
             write(QStringLiteral("%1/%2_add_fills.sql").arg(dir).arg(v, 5, 10, QLatin1Char('0')),
                   "-- +goose Up\n-- +goose StatementBegin\n" + createTable(v) +
                       "-- +goose StatementEnd\n\n-- +goose Down\n" + dropTable(v));
     }},
    {"flyway",
     [](const QString& dir, int files) {
         const int repeatables = 20;
         for (int v = 1; v <= files - repeatables; ++v)
             write(QStringLiteral("%1/V%2.%3__add_fills.sql").arg(dir).arg(v / 10 + 1).arg(v % 10),
                   createTable(v));
         for (int r = 1; r <= repeatables; ++r)
             write(QStringLiteral("%1/R__fills_view_%2.sql").arg(dir).arg(r),
                   QStringLiteral("CREATE OR REPLACE VIEW fills_view_%1 AS SELECT * FROM fills_%1;\n")
                       .arg(r)
                       .toUtf8());
     }},
    {"prisma",
     [](const QString& dir, int files) {
         write(dir + QStringLiteral("/migration_lock.toml"), "provider = \"sqlite\"\n");
         for (int v = 1; v < files; ++v)
             write(QStringLiteral("%1/%2_add_fills/migration.sql").arg(dir).arg(20240101000000LL + v),
                   "-- CreateTable\n" + createTable(v));
     }},
    {"sqlx",
     [](const QString& dir, int files) {
         for (int v = 1; v <= files / 2; ++v) {
             write(QStringLiteral("%1/%2_add_fills.up.sql").arg(dir).arg(20240101000000LL + v),
                   createTable(v));
             write(QStringLiteral("%1/%2_add_fills.down.sql").arg(dir).arg(20240101000000LL + v),
                   dropTable(v));
         }
     }},
    {"alembic",
     [](const QString& dir, int files) {
         // A script folder (env.py, versions/) of revisions in Alembic 1.8's template, one chain with two
         // branches and their merge every 100 revisions.
         write(dir + QStringLiteral("/env.py"), "from alembic import context\n");
         QString previous;
         for (int v = 1; v < files; ++v) {
             const auto hex = [](int n) { return QStringLiteral("%1").arg(0x10000000 + n, 0, 16); };
             const QString id = hex(v);
             // ...98 and ...99 stand on ...96 and ...97 (two lines side by side); ...00 merges them.
             QString parent =
                 previous.isEmpty() ? QStringLiteral("None") : QStringLiteral("'%1'").arg(previous);
             if (v > 100 && (v % 100 == 98 || v % 100 == 99))
                 parent = QStringLiteral("'%1'").arg(hex(v - 2));
             if (v > 100 && v % 100 == 0)
                 parent = QStringLiteral("('%1', '%2')").arg(hex(v - 1), hex(v - 2));
             write(QStringLiteral("%1/versions/%2_add_fills_%3.py").arg(dir, id).arg(v),
                   QStringLiteral(
                       "\"\"\"add fills %1\n\nRevision ID: %2\nRevises: \nCreate Date: 2026-01-14 "
                       "10:00:00.000000\n\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n"
                       "# revision identifiers, used by Alembic.\nrevision = '%2'\ndown_revision = %3\n"
                       "branch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n"
                       "    op.execute(\"\"\"\n%4\"\"\")\n\n\ndef downgrade() -> None:\n"
                       "    op.drop_table('fills_%1')\n")
                       .arg(v)
                       .arg(id, parent, QString::fromUtf8(createTable(v)))
                       .toUtf8());
             previous = id;
         }
     }},
};

/// Loads and plans the folder once; the step count, or -1 with the error printed.
int loadAndPlan(const QString& dir, double& loadMs, double& planMs)
{
    QElapsedTimer timer;
    timer.start();
    auto set = MigrationSetLoader::load(dir);
    loadMs = double(timer.nsecsElapsed()) / 1e6;
    if (!set) {
        std::fprintf(stderr, "load %s: %s\n", qPrintable(dir), qPrintable(set.error().toText()));
        return -1;
    }
    timer.restart();
    const HistoryState empty;
    const MigrationPlanner planner(*set, Dialect::Sqlite, empty, {});
    auto plan = planner.planUp({});
    planMs = double(timer.nsecsElapsed()) / 1e6;
    if (!plan) {
        std::fprintf(stderr, "plan %s: %s\n", qPrintable(dir), qPrintable(plan.error().toText()));
        return -1;
    }
    return int(set->steps.size());
}

int countFiles(const QString& dir)
{
    int n = 0;
    for (const QFileInfo& entry : QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot))
        n += entry.isDir() ? countFiles(entry.absoluteFilePath()) : 1;
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::vector<int> sizes;
    int repeat = 7;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--repeat") && i + 1 < args.size())
            repeat = std::max(1, args[++i].toInt());
        else if (args[i].toInt() > 0)
            sizes.push_back(args[i].toInt());
    }
    if (sizes.empty())
        sizes = {1000, 2000, 4000};
    QTemporaryDir work;
    if (!work.isValid())
        return 1;
    std::printf("%-15s %6s %6s %9s %9s %9s %12s\n", "layout", "files", "steps", "load_ms", "plan_ms",
                "total_ms", "ms_per_1000");
    for (const Layout& layout : kLayouts) {
        for (int files : sizes) {
            const QString dir =
                work.filePath(QStringLiteral("%1-%2").arg(QLatin1String(layout.name)).arg(files));
            layout.write(dir, files);
            std::vector<double> loads, plans, totals;
            int steps = 0;
            double loadMs = 0, planMs = 0;
            loadAndPlan(dir, loadMs, planMs); // warm the page cache
            for (int r = 0; r < repeat; ++r) {
                steps = loadAndPlan(dir, loadMs, planMs);
                if (steps < 0)
                    break;
                loads.push_back(loadMs);
                plans.push_back(planMs);
                totals.push_back(loadMs + planMs);
            }
            if (steps < 0) {
                std::printf("%-15s %6d %6s %9s\n", layout.name, countFiles(dir), "-", "failed");
                continue;
            }
            const double total = median(totals);
            std::printf("%-15s %6d %6d %9.1f %9.1f %9.1f %12.1f\n", layout.name, countFiles(dir), steps,
                        median(loads), median(plans), total, total * 1000.0 / countFiles(dir));
            std::fflush(stdout);
        }
    }
    return 0;
}
