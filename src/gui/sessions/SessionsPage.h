#pragma once

#include <memory>
#include <optional>

#include <QTimer>
#include <QWidget>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "sessions/SessionsSnapshot.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;

namespace strata {

class BlockingTreeView;
class ErrorBanner;
class JobRunner;
class SessionTable;
class SessionsJob;

/// The server's sessions and locks (PostgreSQL), the file's users and WAL (SQLite). Read on a worker with
/// a connection of its own, only while the page is shown, again at the interval the operator picks (off,
/// 2 s, 5 s, 30 s). Cancelling a statement or ending a session asks first, naming the session.
class SessionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SessionsPage(QWidget* parent = nullptr);
    ~SessionsPage() override;

    /// The database the window opened (nothing is read until the page is shown).
    void load(const ConnectionUrl& url);
    /// No database is open.
    void clear();

    /// The intervals offered, in milliseconds (0: off).
    static QList<int> intervals();
    /// Picks the refresh interval (one of intervals()); saved for the next launch.
    void setInterval(int milliseconds);
    int interval() const;
    /// Reads now, unless a read or an action is under way.
    void refresh();
    /// Asks to cancel the statement of (`end` false), or to end, session `pid`; runs it if confirmed.
    /// False when it was not started (no such session listed, not confirmed, busy).
    bool control(int pid, bool end);
    bool isBusy() const;
    bool isRefreshing() const { return m_timer.isActive(); }
    const std::optional<SessionsSnapshot>& snapshot() const { return m_snapshot; }
    BlockingTreeView* tree() const { return m_tree; }
    SessionTable* table() const { return m_table; }
    QString statusText() const;
    QString walText() const;
    QString errorText() const;
    QPushButton* cancelButton() const { return m_cancelQuery; }
    QPushButton* endButton() const { return m_terminate; }
    /// Copies the blocking tree as indented text, each session with its statement, for an incident note.
    void copyTree();

Q_SIGNALS:
    /// A read ended (`ok` false: the banner says why).
    void refreshed(bool ok);
    /// A cancel or end ended.
    void controlled(bool ok);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void start(std::unique_ptr<SessionsJob> job);
    void onFinished(bool ok, const Error& error);
    void display(const SessionsSnapshot& snapshot);
    void showWal(const SessionsSnapshot& snapshot);
    void updateButtons();
    void retire();
    int selectedPid() const;

    std::optional<ConnectionUrl> m_url;
    std::optional<SessionsSnapshot> m_snapshot;
    std::unique_ptr<JobRunner> m_runner;
    SessionsJob* m_job = nullptr;
    QString m_actionTarget; ///< the session a cancel or end acts on, named as the question named it
    QTimer m_timer;
    QComboBox* m_interval;
    QPushButton* m_refresh;
    QPushButton* m_copyTree;
    QPushButton* m_cancelQuery;
    QPushButton* m_terminate;
    QLabel* m_status;
    ErrorBanner* m_banner;
    QGroupBox* m_treeBox;
    QGroupBox* m_tableBox;
    QGroupBox* m_walBox;
    QLabel* m_wal;
    BlockingTreeView* m_tree;
    SessionTable* m_table;
};

} // namespace strata
