#include "strategy/StrategyDemo.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include "dialects/sqlite/SqliteDatabase.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationRunner.h"
#include "migrations/MigrationSetLoader.h"
#include "strategy/StrategyDemoLineage.h"
#include "strategy/StrategyDemoWriter.h"
#include "strategy/StrategyStore.h"

namespace strata {

QString StrategyDemo::bundledSet()
{
    return QStringLiteral(":/migrations/strategy");
}

Result<StrategyDemo::Outcome> StrategyDemo::fill(Database& db, const Options& options,
                                                 const Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    if (options.count < 1 || options.days < 1)
        return Error::badInput(
            QStringLiteral("The demo needs at least one strategy and one day (got --count %1 "
                           "--days %2).")
                .arg(options.count)
                .arg(options.days),
            QStringLiteral("e.g. --count 40 --days 365"));
    StrategyStore store(db);
    if (auto tables = store.requireTables(); !tables) {
        Error error = tables.error();
        error.code = ExitCode::BadInput;
        error.next = QStringLiteral("Apply the strategy set first: strata-cli --db %1 --migrations "
                                    "migrations/strategy migrate (the set is in Strata's sources and bundled "
                                    "as %2), then run the demo again.")
                         .arg(db.display(), bundledSet());
        return error;
    }
    auto existing = db.query(QStringLiteral("SELECT count(*) FROM strategy_registry"));
    if (!existing)
        return existing.error();
    if (const qint64 n = existing->value(0, 0).toLongLong(); n > 0)
        return Error::badInput(
            QStringLiteral("%1 already holds %2 strategies; the demo fills an empty strategy registry.")
                .arg(db.display())
                .arg(n),
            QStringLiteral("Use a new database (or one where the strategy set was just applied)."),
            QStringLiteral("Nothing was written."));

    const QDateTime lastTime(options.lastDay, QTime(23, 59, 59), QTimeZone::utc());
    const int historyDays = std::max(options.days, 180);
    const QDateTime firstTime = lastTime.addDays(-historyDays);
    const QList<DemoStrategy> strategies =
        StrategyDemoLineage::generate(options.count, options.seed, firstTime, lastTime.addDays(-1));
    const DemoMarket market =
        StrategyDemoReturns::market(options.seed, options.lastDay.addDays(1 - options.days), options.days);
    StrategyDemoWriter writer(db, strategies, market, options.seed);

    Outcome outcome;
    outcome.strategies = static_cast<int>(strategies.size());
    auto abandon = [&db](const Error& error) {
        (void)db.rollback();
        return error.withUnchanged(
            QStringLiteral("The transaction was rolled back: no demo row was written."));
    };
    if (auto begun = db.begin(); !begun)
        return begun.error();
    if (auto written = writer.writeRegistry(); !written)
        return abandon(written.error());
    if (auto written = writer.writeVersions(outcome.versions); !written)
        return abandon(written.error());
    if (auto written = writer.writeLineage(outcome.lineageRows); !written)
        return abandon(written.error());
    if (auto written = writer.writePerformance(outcome.performanceRows, progress); !written)
        return abandon(written.error());
    if (auto committed = db.commit(); !committed)
        return abandon(committed.error());
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

Result<StrategyDemo::Outcome> StrategyDemo::createDatabase(const QString& path, const Options& options)
{
    if (QFileInfo::exists(path))
        return Error::badInput(QStringLiteral("%1 already exists.").arg(path),
                               QStringLiteral("Pick another path, or remove the file if it is an old demo."));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::badInput(QStringLiteral("Cannot create the folder of %1.").arg(path),
                               QStringLiteral("Check the permissions of its parent folder."));
    auto set = MigrationSetLoader::load(bundledSet());
    if (!set)
        return set.error();
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return Error::badInput(QStringLiteral("Cannot create %1: %2.").arg(path, file.errorString()),
                                   QStringLiteral("Check the folder's permissions."));
    }
    auto fail = [&path](const Error& error) {
        QFile::remove(path);
        return error.withUnchanged(QStringLiteral("Nothing was left at %1.").arg(path));
    };
    Result<Outcome> outcome = Error::failed({}, {}, {});
    {
        auto db = SqliteDatabase::open(path);
        if (!db)
            return fail(db.error());
        // The set is applied by Strata's own runner, so the demo's history shows version 1 applied.
        auto history = HistoryStore(**db).read();
        if (!history)
            return fail(history.error());
        auto tables = (*db)->userTables();
        if (!tables)
            return fail(tables.error());
        auto plan = MigrationPlanner(*set, Dialect::Sqlite, *history, *tables).planUp({});
        if (!plan)
            return fail(plan.error());
        if (auto applied = MigrationRunner(**db, *set, RunIdentity::current()).apply(*plan); !applied)
            return fail(applied.error());
        outcome = fill(**db, options);
    }
    if (!outcome)
        return fail(outcome.error());
    return outcome;
}

} // namespace strata
