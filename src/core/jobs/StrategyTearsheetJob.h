#pragma once

#include <QList>
#include <QStringList>

#include "jobs/DatabaseJob.h"
#include "strategy/StrategyRecord.h"
#include "strategy/Tearsheet.h"

namespace strata {

/// Reads one or several strategies on the worker's connection — the registry row, the version history and
/// the tearsheet computed from the daily performance — for the details pane, a tearsheet or a comparison.
class StrategyTearsheetJob final : public DatabaseJob
{
public:
    struct Item
    {
        StrategyRecord strategy;
        QList<StrategyVersionRecord> versions;
        Tearsheet tearsheet;
    };

    explicit StrategyTearsheetJob(QStringList strategyIds) : m_ids(std::move(strategyIds)) {}

    QString title() const override { return QStringLiteral("Reading strategy performance"); }
    bool onlyReads() const override { return true; }
    /// An id that is not in the registry fails the job, naming it (bad input).
    Status run(Database& db, const Progress& progress) override;
    const QList<Item>& items() const { return m_items; }

private:
    QStringList m_ids;
    QList<Item> m_items;
};

} // namespace strata
