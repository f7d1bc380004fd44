#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "health/MaintenanceJob.h"
#include "health/TableHealth.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace strata {

class ErrorBanner;
class JobRunner;

/// The Health tab of a table's page: dead rows, maintenance, scans and bloat (PostgreSQL), pages, free
/// pages, fragmentation and WAL (SQLite), read on a worker only when the tab is shown; the maintenance
/// the engine offers (with what it costs, asked first) runs on a worker, can be cancelled, and the figures
/// are read again after it.
class TableHealthView : public QWidget
{
    Q_OBJECT

public:
    explicit TableHealthView(QWidget* parent = nullptr);
    ~TableHealthView() override;

    /// The table to show; read when the tab is shown (at once if it is).
    void showTable(const std::optional<ConnectionUrl>& url, const QString& schema, const QString& table,
                   Dialect dialect);
    void clear();
    /// Reads the figures (again), or with `exact` also pgstattuple's.
    void read(bool exact = false);
    /// Asks, stating the cost, then runs `action`. False when not started.
    bool offer(MaintenanceJob::Action action);
    /// Runs `action` without asking (what offer() does once the operator agreed).
    void run(MaintenanceJob::Action action);
    void cancel();
    bool isBusy() const;

    const std::optional<TableHealth>& health() const { return m_health; }
    QTableWidget* figures() const { return m_figures; }
    /// The value shown for the figure named `name` ("Dead rows"); empty when not shown.
    QString figure(const QString& name) const;
    QString outcomeText() const;
    QString errorText() const;

Q_SIGNALS:
    void healthRead(bool ok);
    void actionFinished(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void startJob(std::unique_ptr<DatabaseJob> job, bool action);
    void onFinished(bool ok, const Error& error);
    void fill();
    void restyle();
    void setBusy(bool busy, const QString& text = {});
    void retire();

    std::optional<ConnectionUrl> m_url;
    QString m_schema;
    QString m_table;
    Dialect m_dialect = Dialect::Sqlite;
    bool m_stale = false;
    std::optional<TableHealth> m_health;
    std::unique_ptr<JobRunner> m_runner;
    DatabaseJob* m_job = nullptr;
    bool m_jobIsAction = false;
    QLabel* m_title;
    QTableWidget* m_figures;
    QPushButton* m_refresh;
    QPushButton* m_exact;
    QPushButton* m_optimize;
    QPushButton* m_analyze;
    QPushButton* m_vacuum;
    QPushButton* m_vacuumTable;
    QPushButton* m_cancel;
    QProgressBar* m_busy;
    QLabel* m_outcome;
    ErrorBanner* m_banner;
};

} // namespace strata
