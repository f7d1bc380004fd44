#pragma once

#include "jobs/DatabaseJob.h"

namespace strata {

/// Records an untracked database as being at a version (no SQL runs), under the run lock. Refuses when the
/// database is tracked already or lacks the tables of that version.
class BaselineJob final : public DatabaseJob
{
public:
    BaselineJob(QString setFolder, qint64 version) : m_setFolder(std::move(setFolder)), m_version(version) {}

    QString title() const override { return QStringLiteral("Baseline at version %1").arg(m_version); }
    Status run(Database& db, const Progress& progress) override;

private:
    QString m_setFolder;
    qint64 m_version;
};

} // namespace strata
