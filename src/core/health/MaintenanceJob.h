#pragma once

#include <optional>

#include <QString>

#include "connection/ConnectionUrl.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// One maintenance statement the Health tab offers, on a worker's own connection: SQLite's PRAGMA optimize,
/// ANALYZE and VACUUM, PostgreSQL's VACUUM (ANALYZE) of one table. Cancelling interrupts the statement:
/// SQLite rolls it back whole (the file stays as it was); PostgreSQL's VACUUM keeps what it finished.
/// Neither engine reports how far such a statement is on the connection running it. For PostgreSQL's VACUUM
/// a second connection reads pg_stat_progress_vacuum/analyze when the job is given the URL
/// (watchProgressVia); SQLite offers nothing of the kind, so there the progress is the stage alone.
class MaintenanceJob final : public DatabaseJob
{
public:
    enum class Action { Optimize, Analyze, Vacuum, VacuumAnalyzeTable };

    MaintenanceJob(Action action, QString schema, QString table)
        : m_action(action), m_schema(std::move(schema)), m_table(std::move(table))
    {}

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;
    bool asksBeforeClose() const override { return true; }
    Action action() const { return m_action; }
    /// What the action costs, for the operator to read before choosing it (sizes come from the health read).
    static QString cost(Action action, Dialect dialect, qint64 databaseBytes);
    /// The statement it runs.
    QString statement(Dialect dialect) const;
    qint64 elapsedMs() const { return m_elapsedMs; }
    /// PostgreSQL: report the VACUUM's pages scanned, read on a second connection to `url`.
    void watchProgressVia(const ConnectionUrl& url) { m_watchUrl = url; }
    /// Progress reports with a page count that the watch passed on.
    int pageReports() const { return m_pageReports; }

private:
    Action m_action;
    QString m_schema;
    QString m_table;
    qint64 m_elapsedMs = 0;
    std::optional<ConnectionUrl> m_watchUrl;
    int m_pageReports = 0;
};

} // namespace strata
