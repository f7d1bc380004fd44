#pragma once

#include <optional>

#include <QMap>

#include "jobs/DatabaseJob.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlan.h"
#include "migrations/MigrationSet.h"
#include "tools/alembic/AlembicStatus.h"

namespace strata {

/// What the migration timeline shows: the history, the plan (pending steps by phase, optional steps that
/// are off) and the problems, read on the worker's connection. Changes nothing.
struct DatabaseStatus
{
    QString database;
    QString engine; ///< e.g. "SQLite 3.40.1", "PostgreSQL 15.18"
    MigrationSet set;
    HistoryState history;
    MigrationPlan plan;
    QString lockHolder; ///< who holds the migration lock now, empty when it is free
    QStringList userTables;
    /// The applied text of each changed file's step, by the checksum its history records (when it was kept).
    QMap<QString, QString> keptScripts;
    /// For a set read from an Alembic project: its revision graph and what alembic_version makes applied.
    std::optional<AlembicStatus> alembic;
    /// On a database Strata does not track yet: step slot -> the other tool that applied it (ForeignApplied),
    /// so that the timeline shows "applied by dbmate" rather than pending.
    QMap<QString, QString> appliedByOtherTool;

    /// "v1 (baseline), v2 pending: 3 steps in 3 phases" — the line operators read first. On a database
    /// another tool manages (not adopted yet) it says so instead: "managed by Alembic: 3 revisions applied,
    /// 2 pending — adopt to migrate with Strata".
    QString summary() const;
    /// On a database Strata does not track and another tool's history has rows: "managed by dbmate: 3
    /// migrations applied, 2 pending" (Alembic counts revisions: those alembic_version holds and everything
    /// below them), one part per tool; empty otherwise.
    QString managedBy() const;
};

/// Reads a DatabaseStatus for a migration set folder.
class StatusJob final : public DatabaseJob
{
public:
    StatusJob(QString setFolder, QStringList enabledOptions)
        : m_setFolder(std::move(setFolder)), m_enabledOptions(std::move(enabledOptions))
    {}

    QString title() const override { return QStringLiteral("Reading the migration status"); }
    bool onlyReads() const override { return true; }
    Status run(Database& db, const Progress& progress) override;
    const std::optional<DatabaseStatus>& status() const { return m_status; }
    /// The lock and the history as StateProbeJob sees them, taken before the status was read (empty when
    /// they could not be read): the window's watch compares its next probes with it.
    const QString& fingerprint() const { return m_fingerprint; }

private:
    QString m_setFolder;
    QStringList m_enabledOptions;
    std::optional<DatabaseStatus> m_status;
    QString m_fingerprint;
};

} // namespace strata
