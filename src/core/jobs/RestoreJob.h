#pragma once

#include <optional>

#include "backup/BackupRecord.h"
#include "backup/DatabaseRestore.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// Restores a backup on the worker's connection (DatabaseRestore::restore): verified first, the current
/// database kept aside, checked after.
class RestoreJob final : public DatabaseJob
{
public:
    explicit RestoreJob(BackupRecord record) : m_record(std::move(record)) {}

    QString title() const override { return QStringLiteral("Restore"); }
    Status run(Database& db, const Progress& progress) override;
    const std::optional<DatabaseRestore::Outcome>& outcome() const { return m_outcome; }

private:
    BackupRecord m_record;
    std::optional<DatabaseRestore::Outcome> m_outcome;
};

} // namespace strata
