#include "MigrationHarness.h"

#include "connection/DatabaseOpener.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationSetLoader.h"

namespace strata::test {

Result<std::unique_ptr<Database>> MigrationHarness::open(const QString& url)
{
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return DatabaseOpener::open(*parsed);
}

Result<MigrationSet> MigrationHarness::load(const QString& folder)
{
    return MigrationSetLoader::load(folder);
}

namespace {

struct Snapshot
{
    HistoryState history;
    QStringList tables;
};

Result<Snapshot> snapshot(Database& db)
{
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    return Snapshot{*history, *tables};
}

} // namespace

Result<MigrationPlan> MigrationHarness::planUp(Database& db, const MigrationSet& set,
                                               std::optional<qint64> to, const QStringList& enable)
{
    auto snap = snapshot(db);
    if (!snap)
        return snap.error();
    return MigrationPlanner(set, db.dialect(), snap->history, snap->tables).planUp({to, enable});
}

Result<MigrationPlan> MigrationHarness::planDown(Database& db, const MigrationSet& set, qint64 to)
{
    auto snap = snapshot(db);
    if (!snap)
        return snap.error();
    return MigrationPlanner(set, db.dialect(), snap->history, snap->tables).planDown(to);
}

Result<MigrationRunner::Outcome> MigrationHarness::migrate(Database& db, const MigrationSet& set,
                                                           std::optional<qint64> to,
                                                           const QStringList& enable)
{
    auto plan = planUp(db, set, to, enable);
    if (!plan)
        return plan.error();
    if (plan->blocked())
        return Error::refused(plan->problems.first().message, plan->problems.first().resolution);
    return MigrationRunner(db, set, RunIdentity::current()).apply(*plan);
}

Result<MigrationRunner::Outcome> MigrationHarness::rollback(Database& db, const MigrationSet& set, qint64 to)
{
    auto plan = planDown(db, set, to);
    if (!plan)
        return plan.error();
    if (plan->blocked())
        return Error::refused(plan->problems.first().message, plan->problems.first().resolution);
    return MigrationRunner(db, set, RunIdentity::current()).rollback(*plan);
}

QStringList MigrationHarness::schemaWithoutHistory(Database& db)
{
    QStringList lines;
    auto catalog = db.catalog();
    if (!catalog)
        return {QStringLiteral("catalog failed: ") + catalog.error().what};
    for (const auto& row : catalog->rows) {
        QStringList fields;
        for (const auto& v : row)
            fields << v.toString();
        const QString line = fields.join(QStringLiteral(" | "));
        if (!line.contains(QLatin1String("schema_version")))
            lines << line;
    }
    return lines;
}

QStringList MigrationHarness::stepStatuses(Database& db)
{
    QStringList statuses;
    auto history = HistoryStore(db).read();
    if (!history)
        return {QStringLiteral("history failed: ") + history.error().what};
    for (const auto& s : history->steps)
        statuses << QStringLiteral("%1=%2").arg(s.slot(), s.status);
    return statuses;
}

} // namespace strata::test
