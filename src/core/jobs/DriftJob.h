#pragma once

#include <optional>

#include "drift/DriftReport.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// The drift page's check (DriftCheck) on the worker's connection: loads the migration set, replays the
/// applied steps into a scratch database and compares. The live database is only read.
class DriftJob final : public DatabaseJob
{
public:
    explicit DriftJob(QString setFolder) : m_setFolder(std::move(setFolder)) {}

    QString title() const override { return QStringLiteral("Checking for schema drift"); }
    Status run(Database& db, const Progress& progress) override;
    bool asksBeforeClose() const override { return true; }
    QString operatorName() const override { return QStringLiteral("the drift check"); }
    /// Set when run() succeeded, with or without drift.
    const std::optional<DriftReport>& report() const { return m_report; }

private:
    QString m_setFolder;
    std::optional<DriftReport> m_report;
};

} // namespace strata
