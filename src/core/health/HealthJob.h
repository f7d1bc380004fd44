#pragma once

#include <optional>

#include "health/TableHealth.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// Reads one table's health on a worker's own connection (the Health tab), and on request the exact
/// figures of pgstattuple, which read the whole table.
class HealthJob final : public DatabaseJob
{
public:
    HealthJob(QString schema, QString table, bool exact = false)
        : m_schema(std::move(schema)), m_table(std::move(table)), m_exact(exact)
    {}

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;
    bool onlyReads() const override { return true; }
    bool asksBeforeClose() const override { return m_exact; }
    bool exact() const { return m_exact; }
    const std::optional<TableHealth>& health() const { return m_health; }

private:
    QString m_schema;
    QString m_table;
    bool m_exact;
    std::optional<TableHealth> m_health;
};

} // namespace strata
