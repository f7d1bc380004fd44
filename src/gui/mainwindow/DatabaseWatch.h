#pragma once

#include <memory>
#include <optional>

#include <QObject>
#include <QString>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"

class QFileSystemWatcher;
class QTimer;

namespace strata {

class JobRunner;
class StateProbeJob;

/// Notices when the open database changes underneath the window: another Strata, `strata-cli migrate` in a
/// deploy script, a restore, a run that takes or releases the migration lock. SQLite: a file watcher on the
/// database file, its -wal, its lock file and their folder. PostgreSQL: a poll every few seconds. Either
/// way a StateProbeJob reads the lock and the history on a worker (the GUI thread never waits on the
/// database), and changed() says when what it read differs from the last time.
class DatabaseWatch : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseWatch(QObject* parent = nullptr);
    ~DatabaseWatch() override;

    /// Watches this database from now on (nullopt: nothing). The first probe only records the state.
    void setTarget(const std::optional<ConnectionUrl>& url);
    /// The window has just read the database, and this is the fingerprint its read took first
    /// (StatusJob::fingerprint): later probes compare with it, so a change the window has shown already
    /// is not reported again, and one made while it read is.
    void settle(const QString& fingerprint);
    /// How often PostgreSQL is polled (default 3 s).
    void setPollInterval(int milliseconds);
    int pollInterval() const;
    /// The paths the file watcher watches (SQLite), for tests and the About box.
    QStringList watchedPaths() const;

Q_SIGNALS:
    /// The lock or the history differs from what the window last read.
    void changed();

private:
    void probe();
    void onProbed(bool ok, const Error& error);
    void onFileEvent();
    /// Size and time of the file, its -wal and its lock file: what a write or a lock changes.
    QString fileStamp() const;

    QFileSystemWatcher* m_files;
    QTimer* m_poll;
    QTimer* m_debounce;
    std::optional<ConnectionUrl> m_url;
    QString m_sqlitePath;
    QString m_stamp;
    QString m_fingerprint;
    std::unique_ptr<JobRunner> m_runner;
    StateProbeJob* m_job = nullptr;
    bool m_report = false; ///< the running probe reports a difference (settle's does not)
    bool m_again = false;  ///< another probe was asked for while one ran
    bool m_againReport = false;
};

} // namespace strata
