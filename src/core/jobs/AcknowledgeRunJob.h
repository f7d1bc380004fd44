#pragma once

#include "jobs/DatabaseJob.h"

namespace strata {

/// Records that the operator checked the database after an interrupted run, as `strata-cli resolve
/// --acknowledge-run` does, under the run lock, on the worker's connection. Only schema_version_runs changes.
class AcknowledgeRunJob final : public DatabaseJob
{
public:
    explicit AcknowledgeRunJob(QString runId) : m_runId(std::move(runId)) {}

    QString title() const override { return QStringLiteral("Acknowledge run %1").arg(m_runId); }
    Status run(Database& db, const Progress& progress) override;
    /// What was recorded, once the job succeeded.
    const QString& outcome() const { return m_outcome; }

private:
    QString m_runId;
    QString m_outcome;
};

} // namespace strata
