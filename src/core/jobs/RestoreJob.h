#pragma once

#include <optional>

#include "backup/BackupRecord.h"
#include "backup/DatabaseRestore.h"
#include "jobs/DatabaseJob.h"
#include "run/RestoreRun.h"

namespace strata {

/// Restores a backup on the worker's connection, as `strata-cli restore` does (RestoreRun): the backup
/// checked first (size, SHA-256, whose backup it is), the same pre-flight as a migration under the run
/// lock, the current database kept aside, the result checked after.
class RestoreJob final : public DatabaseJob
{
public:
    explicit RestoreJob(BackupRecord record, RestoreRun::Settings settings = {})
        : m_record(std::move(record)), m_settings(std::move(settings))
    {}

    QString title() const override { return QStringLiteral("Restore"); }
    Status run(Database& db, const Progress& progress) override;
    const std::optional<DatabaseRestore::Outcome>& outcome() const { return m_outcome; }

private:
    BackupRecord m_record;
    RestoreRun::Settings m_settings;
    std::optional<DatabaseRestore::Outcome> m_outcome;
};

} // namespace strata
