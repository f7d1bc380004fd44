#pragma once

#include "jobs/DatabaseJob.h"

namespace strata {

/// Rolls a database back to a version (rollback scripts in reverse order), under the run lock, on the
/// worker's connection. Refuses, naming the step, when a step has no rollback script.
class RollbackJob final : public DatabaseJob
{
public:
    RollbackJob(QString setFolder, qint64 target) : m_setFolder(std::move(setFolder)), m_target(target) {}

    QString title() const override { return QStringLiteral("Roll back to version %1").arg(m_target); }
    Status run(Database& db, const Progress& progress) override;
    qsizetype stepsRolledBack() const { return m_steps; }

private:
    QString m_setFolder;
    qint64 m_target;
    qsizetype m_steps = 0;
};

} // namespace strata
