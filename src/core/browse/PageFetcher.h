#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QMutex>
#include <QThread>

#include "browse/PageFetch.h"
#include "browse/PageRequestQueue.h"
#include "connection/ConnectionUrl.h"
#include "connection/Database.h"

namespace strata {

/// The worker that reads pages for a grid: a thread of its own with a connection of its own, serving the
/// newest request first. Each page is a seek by key (from a neighbour's key, an anchor, the rowid, or the
/// end of the table), so a page costs the same at row 10 and at row 10,000,000. Callbacks run on the
/// worker's thread; the model forwards them to its own.
class PageFetcher
{
public:
    struct Callbacks
    {
        std::function<void(qint64 estimate)> estimated; ///< -1 when the engine has no estimate
        std::function<void(const Error& error)> openFailed;
        std::function<void(PageFetch fetch)> fetched;
    };

    /// `estimates` run once the connection is open, until one gives a number (empty: none wanted).
    PageFetcher(ConnectionUrl url, std::shared_ptr<PageRequestQueue> queue, QList<SqlStatement> estimates,
                int simulatedLatencyMs, Callbacks callbacks);
    /// Stops the worker: the running statement is interrupted and the connection closed on its thread.
    ~PageFetcher();
    PageFetcher(const PageFetcher&) = delete;
    PageFetcher& operator=(const PageFetcher&) = delete;

    /// Requests of other generations are skipped, and a result of one is never delivered as current.
    void setGeneration(quint64 generation) { m_generation = generation; }
    /// Stops the statement running now (a slow OFFSET page the grid no longer shows).
    void interrupt();

private:
    void run();
    PageFetch fetch(Database& db, const PageRequest& request);
    Result<QueryRows> query(Database& db, const SqlStatement& statement, quint64 generation,
                            PageFetch& fetch);

    ConnectionUrl m_url;
    std::shared_ptr<PageRequestQueue> m_queue;
    QList<SqlStatement> m_estimates;
    int m_latencyMs;
    Callbacks m_callbacks;
    std::atomic<quint64> m_generation{0};
    std::atomic_int m_interrupts{0};
    std::atomic_bool m_closing{false};         ///< the grid is going: no statement starts any more
    std::atomic_bool m_busy{false};            ///< a statement runs: only then is there anything to interrupt
    std::atomic<qint64> m_lastInterruptMs{-1}; ///< steady clock, for cancels that land late
    QMutex m_dbMutex;
    Database* m_db = nullptr; ///< while open, for interrupt() from other threads
    std::unique_ptr<QThread> m_thread;
};

} // namespace strata
