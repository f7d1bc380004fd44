#include "verify/DatabaseVerifier.h"

#include <QScopeGuard>

#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteIntegrity.h"
#include "migrations/HistoryStore.h"

namespace strata {

namespace {

CheckResult amcheck(Database& db, const Progress& progress)
{
    const QString name = QStringLiteral("amcheck");
    // amcheck is used inside a transaction that is rolled back: if the extension has to be created for the
    // check, it is gone again afterwards and the database is left exactly as it was.
    if (auto begun = db.begin(); !begun)
        return CheckResult::notRun(name, begun.error().what);
    auto done = qScopeGuard([&db] { (void)db.rollback(); });
    if (auto created = db.execute(QStringLiteral("CREATE EXTENSION IF NOT EXISTS amcheck")); !created)
        return CheckResult::notRun(
            name, QStringLiteral("this role may not use amcheck (%1); ask a superuser to run "
                                 "CREATE EXTENSION amcheck, or run pg_amcheck as one")
                      .arg(created.error().what));
    auto indexes = db.query(db.catalogSql(QStringLiteral("btree_indexes")));
    if (!indexes)
        return CheckResult::notRun(name, indexes.error().what);
    const qsizetype total = indexes->rows.size();
    for (qsizetype i = 0; i < total; ++i) {
        const QString index = indexes->value(i, 1).toString();
        if (auto checked =
                db.execute(QStringLiteral("SELECT bt_index_check(?::oid)"), {indexes->value(i, 0)});
            !checked) {
            if (checked.error().what.contains(QLatin1String("permission denied")))
                return CheckResult::notRun(
                    name,
                    QStringLiteral("this role may not run bt_index_check: %1").arg(checked.error().what));
            return CheckResult::failed(name, QStringLiteral("index %1: %2").arg(index, checked.error().what));
        }
        progress.report(i + 1, total, QStringLiteral("amcheck"));
        if (progress.cancelled())
            return CheckResult::notRun(
                name, QStringLiteral("cancelled after %1 of %2 indexes").arg(i + 1).arg(total));
    }
    return CheckResult::passed(name, QStringLiteral("%1 B-tree indexes checked (bt_index_check)").arg(total));
}

QStringList names(Database& db, const QString& catalogQuery, const QVariantList& params = {})
{
    QStringList result;
    if (auto rows = db.query(db.catalogSql(catalogQuery), params))
        for (const auto& row : rows->rows)
            result << row.value(0).toString();
    return result;
}

} // namespace

CheckResult DatabaseVerifier::integrity(Database& db, IntegrityMode mode, const Progress& progress)
{
    if (db.dialect() == Dialect::Sqlite)
        return SqliteIntegrity::check(static_cast<SqliteDatabase&>(db).path(), mode, progress);
    return amcheck(db, progress);
}

QList<CheckResult> DatabaseVerifier::verify(Database& db, const MigrationSet* set, IntegrityMode mode,
                                            const QStringList& enabledOptions, const Progress& progress,
                                            std::optional<qint64> expectedVersion)
{
    QList<CheckResult> checks;
    checks << integrity(db, mode, progress);

    auto history = HistoryStore(db).read();
    if (!history) {
        checks << CheckResult::failed(QStringLiteral("schema version"), history.error().what);
        return checks;
    }
    const qint64 version = history->currentVersion();
    if (expectedVersion)
        checks << (version == *expectedVersion
                       ? CheckResult::passed(QStringLiteral("schema version"),
                                             QStringLiteral("v%1").arg(version))
                       : CheckResult::failed(
                             QStringLiteral("schema version"),
                             QStringLiteral("v%1, expected v%2").arg(version).arg(*expectedVersion)));
    else
        checks << CheckResult::passed(QStringLiteral("schema version"),
                                      history->tracked ? QStringLiteral("v%1").arg(version)
                                                       : QStringLiteral("not tracked"));
    if (!set)
        return checks;

    QStringList optionsOn = enabledOptions;
    for (const auto& step : set->stepsFor(db.dialect()))
        if (step.isOptional())
            if (const StepRecord* r = history->step(step.version, step.step); r && r->isIn())
                optionsOn << step.header.option;
    const auto userTables = db.userTables();
    const QStringList tables = userTables ? *userTables : QStringList();
    const QStringList indexes = names(db, QStringLiteral("index_names"));
    const qint64 effective = history->tracked ? version : set->manifest.baseline.version;
    for (const auto& e : set->manifest.expectations) {
        if (e.version > effective || (!e.option.isEmpty() && !optionsOn.contains(e.option)))
            continue;
        const QString scope = e.option.isEmpty() ? QStringLiteral("v%1").arg(e.version)
                                                 : QStringLiteral("v%1 with %2").arg(e.version).arg(e.option);
        QStringList missing;
        for (const auto& t : e.tables)
            if (!tables.contains(t))
                missing << t;
        if (!e.tables.isEmpty())
            checks << (missing.isEmpty()
                           ? CheckResult::passed(QStringLiteral("%1 tables").arg(scope),
                                                 QStringLiteral("%1 present").arg(e.tables.size()))
                           : CheckResult::failed(
                                 QStringLiteral("%1 tables").arg(scope),
                                 QStringLiteral("missing: %1").arg(missing.join(QStringLiteral(", ")))));
        missing.clear();
        for (const auto& i : e.indexes)
            if (!indexes.contains(i))
                missing << i;
        if (!e.indexes.isEmpty())
            checks << (missing.isEmpty()
                           ? CheckResult::passed(QStringLiteral("%1 indexes").arg(scope),
                                                 QStringLiteral("%1 present").arg(e.indexes.size()))
                           : CheckResult::failed(
                                 QStringLiteral("%1 indexes").arg(scope),
                                 QStringLiteral("missing: %1").arg(missing.join(QStringLiteral(", ")))));
        missing.clear();
        for (const auto& c : e.columns) {
            const QString table = c.section(QLatin1Char('.'), 0, 0);
            if (!names(db, QStringLiteral("column_names"), {table}).contains(c.section(QLatin1Char('.'), 1)))
                missing << c;
        }
        if (!e.columns.isEmpty())
            checks << (missing.isEmpty()
                           ? CheckResult::passed(QStringLiteral("%1 columns").arg(scope),
                                                 QStringLiteral("%1 present").arg(e.columns.size()))
                           : CheckResult::failed(
                                 QStringLiteral("%1 columns").arg(scope),
                                 QStringLiteral("missing: %1").arg(missing.join(QStringLiteral(", ")))));
    }
    for (const QString& sql : set->manifest.sampleQueries) {
        auto rows = db.query(sql);
        checks << (rows ? CheckResult::passed(
                              QStringLiteral("query"),
                              QStringLiteral("%1 -> %2").arg(sql, rows->value(0, 0).toString()))
                        : CheckResult::failed(QStringLiteral("query"),
                                              QStringLiteral("%1: %2").arg(sql, rows.error().what)));
    }
    return checks;
}

} // namespace strata
