#pragma once

#include "backup/BackupRecord.h"
#include "jobs/DatabaseJob.h"
#include "verify/CheckResult.h"

namespace strata {

/// Checks a backup on disk again (DatabaseBackup::verify, with the full integrity check): the Backup
/// menu's Verify backup. Changes nothing. Fails when a check that stands in the way of a restore fails.
class VerifyBackupJob final : public DatabaseJob
{
public:
    explicit VerifyBackupJob(BackupRecord record) : m_record(std::move(record)) {}

    QString title() const override { return QStringLiteral("Verify backup"); }
    Status run(Database& db, const Progress& progress) override;
    const QList<CheckResult>& checks() const { return m_checks; }
    /// "integrity_check passed (ok); size passed (…); …"
    QString summary() const;

private:
    BackupRecord m_record;
    QList<CheckResult> m_checks;
};

} // namespace strata
