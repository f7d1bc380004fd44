#pragma once

#include <optional>

#include <QStringList>

#include "jobs/DatabaseJob.h"
#include "preflight/BlockerReport.h"

namespace strata {

/// The live blockers of the plan's tables (BlockerScan), read on a worker's own connection for the wizard's
/// pre-flight page (Refresh). Changes nothing.
class BlockerScanJob final : public DatabaseJob
{
public:
    explicit BlockerScanJob(QStringList tables) : m_tables(std::move(tables)) {}

    QString title() const override
    {
        return QStringLiteral("Reading the sessions that may block the migration");
    }
    Status run(Database& db, const Progress& progress) override;
    const std::optional<BlockerReport>& report() const { return m_report; }

private:
    QStringList m_tables;
    std::optional<BlockerReport> m_report;
};

} // namespace strata
