#pragma once

#include "jobs/DatabaseJob.h"

namespace strata {

/// Adopts another tool's history as `strata-cli adopt --yes` does, under the run lock, on the worker's
/// connection: plans again once it holds the lock, refuses if that plan is not the one the operator
/// confirmed, then records it in one transaction. No SQL of any step runs.
class AdoptJob final : public DatabaseJob
{
public:
    /// `tool` is the tool the operator confirmed, `steps` how many of its steps the question listed.
    AdoptJob(QString setFolder, QString tool, qsizetype steps)
        : m_setFolder(std::move(setFolder)), m_tool(std::move(tool)), m_steps(steps)
    {}

    QString title() const override { return QStringLiteral("Adopt %1's history").arg(m_tool); }
    Status run(Database& db, const Progress& progress) override;
    /// What was recorded, once the job succeeded.
    const QString& outcome() const { return m_outcome; }

private:
    QString m_setFolder;
    QString m_tool;
    qsizetype m_steps;
    QString m_outcome;
};

} // namespace strata
