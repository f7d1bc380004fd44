#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include "browse/BrowseQuery.h"
#include "browse/KeyAnchors.h"
#include "connection/ConnectionUrl.h"
#include "connection/Database.h"

namespace strata {

/// One scan of a table in one order: the exact count, then the key anchors.
struct ScanJob
{
    quint64 generation = 0;
    std::shared_ptr<const BrowseQuery> query;
    std::shared_ptr<KeyAnchors> anchors;
    bool countRows = true; ///< count(*) first (the anchor scan counts too, but later)
    qint64 knownRows = -1; ///< the exact count when already known (for the dense-key check)
    int chunkStrides = 40;
};

/// The grid's second worker, with a connection of its own so that page fetches never wait behind it: counts
/// the rows exactly and builds the key anchors by one ordered scan of the key, a chunk per statement. A new
/// job (another sort or filter) interrupts the running statement; so does cancel().
class RowScanner
{
public:
    struct Callbacks
    {
        std::function<void(quint64 generation, qint64 rows)> counted;
        std::function<void(quint64 generation, qint64 anchoredRows)> progressed;
        std::function<void(quint64 generation)> finished;
        std::function<void(quint64 generation, const Error& error)> failed;
    };

    RowScanner(ConnectionUrl url, Callbacks callbacks);
    ~RowScanner();
    RowScanner(const RowScanner&) = delete;
    RowScanner& operator=(const RowScanner&) = delete;

    /// Replaces the running job, if any.
    void start(ScanJob job);
    /// Stops the running job (Database::interrupt); no callback follows for it.
    void cancel();

private:
    void run();
    void scan(Database& db, const ScanJob& job);
    Result<QueryRows> query(Database& db, const SqlStatement& statement, quint64 generation);
    bool current(quint64 generation) const { return m_current.load() == generation; }
    void interrupt();

    ConnectionUrl m_url;
    Callbacks m_callbacks;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::optional<ScanJob> m_next;
    bool m_closed = false;
    std::atomic<quint64> m_current{0}; ///< the generation that may run; 0 after cancel()
    std::atomic_int m_interrupts{0};
    std::atomic_bool m_busy{false};            ///< a statement runs: only then is there anything to interrupt
    std::atomic<qint64> m_lastInterruptMs{-1}; ///< steady clock, for cancels that land late
    QMutex m_dbMutex;
    Database* m_db = nullptr;
    std::unique_ptr<QThread> m_thread;
};

} // namespace strata
