#pragma once

#include <optional>

#include "backup/BackupRecord.h"
#include "backup/DatabaseBackup.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// Takes a backup on the worker's connection (DatabaseBackup::take); the record is there when it ends.
class BackupJob final : public DatabaseJob
{
public:
    explicit BackupJob(DatabaseBackup::Request request) : m_request(std::move(request)) {}

    QString title() const override { return QStringLiteral("Backup"); }
    Status run(Database& db, const Progress& progress) override;
    /// The backup taken, once the job has finished well (read it after finished()).
    const std::optional<BackupRecord>& record() const { return m_record; }

private:
    DatabaseBackup::Request m_request;
    std::optional<BackupRecord> m_record;
};

} // namespace strata
