#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QGroupBox>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "preflight/BlockerReport.h"

namespace Ui {
class BlockerPanel;
}

namespace strata {

class BlockerTree;
class JobRunner;

/// The wizard pre-flight's live blockers: the blocking tree (BlockerTree), Refresh, Cancel query… and
/// Terminate session… on the selected session after a confirmation that names it (pid, application,
/// query), and "Wait for them to finish", which scans until none is listed and can be stopped. Every
/// database call runs as a job on a worker with a connection of its own; the outcome is said under the
/// tree. SQLite lists the processes that have the file open: they are stopped by their owner, so only
/// Refresh and Wait are offered.
class BlockerPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit BlockerPanel(QWidget* parent = nullptr);
    ~BlockerPanel() override;

    /// The database whose sessions are shown, and the plan's tables.
    void setDatabase(const ConnectionUrl& url, const QStringList& tables);
    void showReport(const BlockerReport& report);
    /// Whether the run has a pre hook (which stops the daemon): the advice for a SQLite file names it then.
    void setHooks(bool hooks) { m_hooks = hooks; }
    const std::optional<BlockerReport>& report() const { return m_report; }
    BlockerTree* tree() const;
    bool isBusy() const;

    void refresh();
    /// Asks, naming the session, then cancels its running statement (false: `pid` is not listed or the
    /// operator said no).
    bool cancelQuery(int pid);
    /// Asks, naming the session, then ends it.
    bool terminate(int pid);
    /// Starts the wait, or stops it when it runs.
    void toggleWait();

Q_SIGNALS:
    /// A scan came back with no session listed.
    void cleared();
    /// A job ended (a scan, a cancel, a terminate, a wait): the status line says how.
    void jobEnded(bool ok);

private:
    bool control(int pid, bool terminate);
    void start(std::unique_ptr<class DatabaseJob> job, std::function<void(bool, const Error&)> done);
    void updateButtons();
    void showStatus(const QString& text, bool problem = false);

    std::unique_ptr<Ui::BlockerPanel> m_ui;
    ConnectionUrl m_url;
    QStringList m_tables;
    std::optional<BlockerReport> m_report;
    std::unique_ptr<JobRunner> m_runner;
    bool m_waiting = false;
    bool m_hooks = false;
};

} // namespace strata
