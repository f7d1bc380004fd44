#include "jobs/VerifyBackupJob.h"

#include "backup/DatabaseBackup.h"

namespace strata {

Status VerifyBackupJob::run(Database& db, const Progress& progress)
{
    m_checks = DatabaseBackup::verify(db, m_record, IntegrityMode::Full, false, progress);
    if (progress.cancelled())
        return Error::failed(QStringLiteral("The verification of %1 was cancelled.").arg(m_record.path),
                             QStringLiteral("Nothing was changed: verifying only reads the backup."),
                             QStringLiteral("Verify it again when there is time."));
    QStringList problems;
    if (DatabaseBackup::usable(m_checks, &problems))
        return {};
    return Error::failed(
        QStringLiteral("The backup %1 fails its checks: %2.")
            .arg(m_record.path, problems.join(QStringLiteral("; "))),
        QStringLiteral("Nothing was changed: verifying only reads the backup."),
        QStringLiteral("Do not restore this backup. Take a new one (Backup > Create backup), "
                       "or verify an older one."));
}

QString VerifyBackupJob::summary() const
{
    QStringList parts;
    for (const auto& c : m_checks)
        parts << QStringLiteral("%1 %2 (%3)").arg(c.name, c.stateName(), c.detail);
    return parts.join(QStringLiteral("; "));
}

} // namespace strata
