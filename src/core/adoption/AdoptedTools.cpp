#include "adoption/AdoptedTools.h"

#include <QDir>
#include <QFile>

#include "migrations/HistoryStore.h"
#include "tools/ToolHistories.h"

namespace strata {

namespace {

const QString kTools = QStringLiteral("schema_version_tools");
const QString kAdopted = QStringLiteral("schema_version_adopted");

/// The file's exact bytes as the tool reads them; the loaded script when the file cannot be read.
QByteArray fileBytes(const MigrationSet& set, const QString& path, const QByteArray& fallback)
{
    QFile file(QDir(set.root).filePath(path));
    if (!file.open(QIODevice::ReadOnly))
        return fallback;
    return file.readAll();
}

/// The step before `step` in the set, for the engine (golang-migrate's version after a rollback).
const MigrationStep* previousOf(const QList<MigrationStep>& steps, const MigrationStep& step)
{
    const MigrationStep* previous = nullptr;
    for (const auto& s : steps) {
        if (s.repeatable || s.version > step.version || (s.version == step.version && s.step >= step.step))
            continue;
        if (!previous || s.version > previous->version ||
            (s.version == previous->version && s.step > previous->step))
            previous = &s;
    }
    return previous;
}

} // namespace

Result<AdoptedTools> AdoptedTools::read(Database& db)
{
    AdoptedTools adopted;
    auto exists = db.tableExists(kTools);
    if (!exists)
        return exists.error();
    if (!*exists)
        return adopted;
    auto rows =
        db.query(QStringLiteral("SELECT tool, history_table, adopted_at, adopted_by FROM %1 ORDER BY tool")
                     .arg(kTools));
    if (!rows)
        return rows.error().prefixed(QStringLiteral("Cannot read %1").arg(kTools));
    for (const auto& r : rows->rows) {
        Entry entry;
        for (const auto& tool : ToolHistories::all())
            if (tool->tool() == r.value(0).toString())
                entry.tool = tool.get();
        if (!entry.tool)
            return Error::failed(
                QStringLiteral("%1 names the tool \"%2\", which this version of Strata does not know.")
                    .arg(kTools, r.value(0).toString()),
                QStringLiteral("Nothing was changed."),
                QStringLiteral("Use the version of Strata that adopted this database."));
        entry.table = r.value(1).toString();
        entry.adoptedAt = r.value(2).toString();
        entry.adoptedBy = r.value(3).toString();
        adopted.m_entries << entry;
    }
    return adopted;
}

Status AdoptedTools::ensureTables(Database& db)
{
    // Plain types both engines take: the tables are Strata's own, like schema_version_steps.
    for (const auto& [table, ddl] :
         {std::pair{kTools, QStringLiteral("CREATE TABLE schema_version_tools (tool VARCHAR(64) PRIMARY KEY, "
                                           "history_table VARCHAR(255) NOT NULL, follows VARCHAR(255) NOT "
                                           "NULL, adopted_at VARCHAR(32) NOT NULL, adopted_by VARCHAR(255) "
                                           "NOT NULL)")},
          std::pair{kAdopted,
                    QStringLiteral("CREATE TABLE schema_version_adopted (version BIGINT NOT NULL, step "
                                   "INTEGER NOT NULL, tool VARCHAR(64) NOT NULL, tool_version VARCHAR(255) "
                                   "NOT NULL, tool_applied_at VARCHAR(64), tool_checksum VARCHAR(128), "
                                   "file_checksum VARCHAR(128), checksum_agrees INTEGER, PRIMARY KEY "
                                   "(version, step))")}}) {
        auto exists = db.tableExists(table);
        if (!exists)
            return exists.error();
        if (*exists)
            continue;
        if (auto created = db.execute(ddl); !created)
            return created.error().prefixed(QStringLiteral("Cannot create %1").arg(table));
    }
    return {};
}

Status AdoptedTools::recordAdoption(Database& db, const AdoptionPlan& plan, const RunIdentity& who)
{
    for (const auto& adopted : plan.steps) {
        const QVariant agrees = adopted.row.checksum.isEmpty() || adopted.fileChecksum.isEmpty()
                                    ? QVariant()
                                    : QVariant(adopted.checksumDisagrees() ? 0 : 1);
        if (auto done = db.execute(
                QStringLiteral(
                    "INSERT INTO %1 (version, step, tool, tool_version, tool_applied_at, "
                    "tool_checksum, file_checksum, checksum_agrees) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .arg(kAdopted),
                QVariantList{adopted.step.version, adopted.step.step, plan.toolName(), adopted.row.version,
                             adopted.row.appliedAt.isEmpty() ? QVariant() : QVariant(adopted.row.appliedAt),
                             adopted.row.checksum.isEmpty() ? QVariant() : QVariant(adopted.row.checksum),
                             adopted.fileChecksum.isEmpty() ? QVariant() : QVariant(adopted.fileChecksum),
                             agrees});
            !done)
            return done;
    }
    return db.execute(
        QStringLiteral("INSERT INTO %1 (tool, history_table, follows, adopted_at, adopted_by) "
                       "VALUES (?, ?, ?, ?, ?)")
            .arg(kTools),
        QVariantList{plan.toolName(), plan.table, plan.tool->follows(), HistoryStore::now(), who.user});
}

const AdoptedTools::Entry* AdoptedTools::find(const QString& tool) const
{
    for (const auto& e : m_entries)
        if (e.tool->tool() == tool)
            return &e;
    return nullptr;
}

Status AdoptedTools::stepApplied(Database& db, const MigrationSet& set, const MigrationStep& step,
                                 qint64 elapsedMs, const RunIdentity& who) const
{
    if (m_entries.isEmpty())
        return {};
    const auto steps = set.stepsFor(db.dialect());
    const ToolStep applied{
        step,    previousOf(steps, step), fileBytes(set, step.forwardPath, step.forwardSql), {}, elapsedMs,
        who.user};
    for (const auto& e : m_entries)
        if (auto written = e.tool->recordApplied(db, e.table, applied); !written)
            return written.error().prefixed(
                QStringLiteral("Cannot keep %1's history (%2) current").arg(e.tool->tool(), e.table));
    return {};
}

Status AdoptedTools::stepRolledBack(Database& db, const MigrationSet& set, const MigrationStep& step,
                                    const RunIdentity& who) const
{
    if (m_entries.isEmpty())
        return {};
    const auto steps = set.stepsFor(db.dialect());
    const ToolStep rolledBack{step,
                              previousOf(steps, step),
                              fileBytes(set, step.forwardPath, step.forwardSql),
                              step.hasRollback() ? fileBytes(set, step.rollbackPath, step.rollbackSql)
                                                 : QByteArray(),
                              0,
                              who.user};
    for (const auto& e : m_entries)
        if (auto written = e.tool->recordRolledBack(db, e.table, rolledBack); !written)
            return written.error().prefixed(
                QStringLiteral("Cannot keep %1's history (%2) current").arg(e.tool->tool(), e.table));
    return {};
}

} // namespace strata
