#include "jobs/StatusJob.h"

#include <algorithm>

#include "adoption/ForeignApplied.h"
#include "common/Counted.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/postgres/PostgresRunLock.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteRunLock.h"
#include "jobs/StateProbeJob.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationSetLoader.h"

namespace strata {

QString DatabaseStatus::managedBy() const
{
    if (plan.tracked)
        return {};
    QStringList parts;
    for (const auto& other : history.otherTools) {
        if (other.rows.isEmpty() && other.readError.isEmpty())
            continue;
        if (!other.readError.isEmpty()) {
            parts
                << QStringLiteral("managed by %1: its table %2 cannot be read").arg(other.tool, other.table);
            continue;
        }
        if (alembic && other.tool == QLatin1String("Alembic")) {
            // Alembic's rows are the current revision of each head: everything below them is applied too.
            const qsizetype all = alembic->graph.order().size();
            const qsizetype applied = alembic->applied.size();
            parts << QStringLiteral("managed by %1: %2 applied, %3 pending")
                         .arg(other.tool,
                              counted(applied, QStringLiteral("revision"), QStringLiteral("revisions")))
                         .arg(all - applied);
            continue;
        }
        // The steps matched to the tool's rows, as adopt matches them; the rows themselves when none match.
        qsizetype applied = ForeignApplied::count(appliedByOtherTool, other.tool);
        if (applied == 0)
            applied = other.appliedRows().size();
        qsizetype pending = 0;
        for (const auto& step : plan.steps)
            if (!appliedByOtherTool.contains(step.slot()))
                ++pending;
        parts << QStringLiteral("managed by %1: %2 applied, %3 pending")
                     .arg(other.tool,
                          counted(applied, QStringLiteral("migration"), QStringLiteral("migrations")))
                     .arg(pending);
    }
    return parts.join(QStringLiteral("; "));
}

QString DatabaseStatus::summary() const
{
    if (const QString managed = managedBy(); !managed.isEmpty())
        return managed + QStringLiteral(" \u2014 adopt to migrate with Strata");
    QString version;
    if (!plan.tracked && plan.baselineRecognised)
        version = QStringLiteral("v%1 (baseline)").arg(plan.baselineVersion);
    else if (!plan.tracked)
        version = QStringLiteral("not tracked");
    else
        version = plan.versionLabel();
    const qsizetype pending = plan.steps.size() + plan.optionalOff.size();
    if (pending == 0)
        return version + QStringLiteral(", up to date");
    if (plan.steps.isEmpty()) {
        QStringList options;
        for (const auto& s : plan.optionalOff)
            if (!options.contains(s.header.option))
                options << s.header.option;
        return QStringLiteral("%1, up to date (%2 optional step%3 off: %4)")
            .arg(version)
            .arg(plan.optionalOff.size())
            .arg(plan.optionalOff.size() == 1 ? QString() : QStringLiteral("s"))
            .arg(options.join(QStringLiteral(", ")));
    }
    QStringList phases = plan.phases();
    for (const auto& s : plan.optionalOff)
        if (!phases.contains(s.phase()))
            phases << s.phase();
    qint64 newest = 0;
    for (const auto& s : plan.steps + plan.optionalOff)
        newest = std::max(newest, s.version);
    return QStringLiteral("%1, v%2 pending: %3 step%4 in %5 phase%6")
        .arg(version)
        .arg(newest)
        .arg(pending)
        .arg(pending == 1 ? QString() : QStringLiteral("s"))
        .arg(phases.size())
        .arg(phases.size() == 1 ? QString() : QStringLiteral("s"));
}

Status StatusJob::run(Database& db, const Progress& progress)
{
    if (auto fingerprint = StateProbeJob::fingerprintOf(db))
        m_fingerprint = *fingerprint;
    progress.report(0, 3, QStringLiteral("reading the migration set"));
    auto set = MigrationSetLoader::load(m_setFolder);
    if (!set)
        return set.error();
    progress.report(1, 3, QStringLiteral("reading the history"));
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    auto tables = db.userTables();
    if (!tables)
        return tables.error();
    progress.report(2, 3, QStringLiteral("planning"));
    auto plan =
        MigrationPlanner(*set, db.dialect(), *history, *tables).planUp({std::nullopt, m_enabledOptions});
    if (!plan)
        return plan.error();
    DatabaseStatus status;
    status.database = db.display();
    if (auto version = db.engineVersion())
        status.engine = *version;
    status.lockHolder =
        db.dialect() == Dialect::Sqlite
            ? SqliteRunLock::holderOf(SqliteRunLock::lockPathFor(static_cast<SqliteDatabase&>(db).path()))
            : PostgresRunLock::holder(static_cast<PostgresDatabase&>(db));
    for (const auto& p : plan->problems) {
        const auto ref = StepRef::parse(p.slot);
        const StepRecord* record = ref ? history->step(ref->version, ref->step) : nullptr;
        if (p.kind != Problem::Kind::ChangedFile || !record)
            continue;
        auto kept = HistoryStore(db).keptScript(record->checksum);
        if (!kept)
            return kept.error();
        if (*kept)
            status.keptScripts.insert(record->checksum, **kept);
    }
    status.set = *set;
    status.history = *history;
    status.plan = *plan;
    status.userTables = *tables;
    status.alembic = AlembicStatus::of(status.set, status.history);
    status.appliedByOtherTool = ForeignApplied::of(status.set, status.plan.dialect, status.history);
    m_status = std::move(status);
    progress.report(3, 3, QStringLiteral("done"));
    return {};
}

} // namespace strata
