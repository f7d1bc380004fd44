#pragma once

#include <QString>

#include "analytics/FamilyView.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// Reads the family of one strategy (it and its descendants, each version's parameters against its results)
/// on the worker's connection, for the family view.
class StrategyFamilyJob final : public DatabaseJob
{
public:
    explicit StrategyFamilyJob(QString rootId) : m_rootId(std::move(rootId)) {}

    QString title() const override { return QStringLiteral("Reading the strategy family"); }
    bool onlyReads() const override { return true; }
    /// An id that is not in the registry fails the job, naming it (bad input).
    Status run(Database& db, const Progress& progress) override;
    const QString& rootId() const { return m_rootId; }
    const FamilyView& family() const { return m_family; }

private:
    QString m_rootId;
    FamilyView m_family;
};

} // namespace strata
