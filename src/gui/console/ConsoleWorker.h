#pragma once

#include <atomic>
#include <memory>

#include <QMutex>
#include <QObject>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "console/StatementOutcome.h"

namespace strata {

class ConsoleSession;
class ResultSpool;

/// The worker side of one editor tab: lives on a thread of its own and owns the tab's ConsoleSession (its
/// own connection, opened at the first run, so nothing reads the database before the operator runs
/// something). Statements arrive as queued calls and run one at a time; rows go straight from the
/// connection into a ResultSpool file, so the GUI thread is told only "more rows are there" and never
/// carries them. interrupt() is the one call made from the GUI thread.
class ConsoleWorker : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleWorker(ConnectionUrl url);
    ~ConsoleWorker() override;

    /// From any thread: stops run `id` (and any earlier) — the batch loop stops and the statement is
    /// interrupted in the engine (sqlite3_interrupt / PQcancel).
    void interrupt(int id);
    /// From the GUI thread, once it took the rows announced by rowsArrived().
    void rowsTaken() { m_rowsAnnounced = false; }

public Q_SLOTS:
    /// Runs one statement. With `askOnWrite` (a production database), a statement that changes data or
    /// schema runs held: inside a transaction left open, answered by held(), then finishHeld().
    void run(int id, const QString& sql, bool writeMode, bool askOnWrite);
    void finishHeld(int id, bool commit);
    /// Closes the connection (rolls back a held transaction) before the thread ends.
    void close();

Q_SIGNALS:
    /// The statement returns rows: they will be in `spool`.
    void resultStarted(int id, std::shared_ptr<strata::ResultSpool> spool);
    /// More rows are in the spool (at most one such signal waits in the queue at a time).
    void rowsArrived(int id);
    /// A statement ran held on a production database and waits for commit or roll back.
    void held(int id, const strata::StatementOutcome& outcome);
    /// The end of a run: ok with its outcome, or the error and the character position in the statement
    /// where the engine saw it (-1 when none).
    void finished(int id, bool ok, const strata::StatementOutcome& outcome, const strata::Error& error,
                  int errorPosition);
    /// The end of a held statement: committed or rolled back (or the error of doing so).
    void heldEnded(int id, bool committed, const strata::Error& error);

private:
    Status ensureSession(bool writeMode);
    bool stopped(int id) const { return id <= m_stopUpTo.load(); }

    ConnectionUrl m_url;
    QMutex m_sessionMutex; ///< guards m_session's pointer against interrupt() from the GUI thread
    std::unique_ptr<ConsoleSession> m_session;
    std::atomic_int m_stopUpTo{0};
    std::atomic_bool m_rowsAnnounced{false};
};

} // namespace strata
