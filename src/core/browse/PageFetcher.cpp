#include "browse/PageFetcher.h"

#include <algorithm>
#include <chrono>

#include <QElapsedTimer>

#include "connection/DatabaseOpener.h"

namespace strata {

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

PageFetcher::PageFetcher(ConnectionUrl url, std::shared_ptr<PageRequestQueue> queue,
                         QList<SqlStatement> estimates, int simulatedLatencyMs, Callbacks callbacks)
    : m_url(std::move(url)), m_queue(std::move(queue)), m_estimates(std::move(estimates)),
      m_latencyMs(simulatedLatencyMs), m_callbacks(std::move(callbacks))
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("strata-pages"));
    m_thread->start();
}

PageFetcher::~PageFetcher()
{
    m_generation = 0;
    m_closing = true;
    m_queue->close();
    interrupt();
    m_thread->wait();
}

void PageFetcher::interrupt()
{
    QMutexLocker lock(&m_dbMutex);
    ++m_interrupts;
    m_lastInterruptMs = steadyMs();
    // PostgreSQL cancels over a connection of its own: not worth opening when nothing runs.
    if (m_db && m_busy)
        m_db->interrupt();
}

void PageFetcher::run()
{
    auto opened = DatabaseOpener::open(m_url, DatabaseOpener::Mode::Inspect);
    if (!opened) {
        m_callbacks.openFailed(opened.error());
        return;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    if (db->dialect() == Dialect::Postgres) // OFFSET pages of a table without a key stay in one order
        (void)db->execute(QStringLiteral("SET synchronize_seqscans = off"));
    {
        QMutexLocker lock(&m_dbMutex);
        m_db = db.get();
    }
    if (!m_estimates.isEmpty()) {
        qint64 estimate = -1;
        for (const SqlStatement& statement : m_estimates) {
            m_busy = true; // a grid that goes while the estimate waits for a lock interrupts it
            if (m_closing.load()) {
                m_busy = false;
                break;
            }
            const auto rows = db->query(statement.sql, statement.params);
            m_busy = false;
            bool ok = false;
            const qint64 value = rows ? rows->value(0, 0).toLongLong(&ok) : -1;
            if (ok && value >= 0) {
                estimate = value;
                break;
            }
        }
        m_callbacks.estimated(estimate);
    }
    while (auto request = m_queue->take()) {
        if (request->generation != m_generation.load())
            continue;
        // Delivered even when the grid has moved on meanwhile: the model recognises and drops it.
        m_callbacks.fetched(this->fetch(*db, *request));
    }
    QMutexLocker lock(&m_dbMutex);
    m_db = nullptr;
}

Result<QueryRows> PageFetcher::query(Database& db, const SqlStatement& statement, quint64 generation,
                                     PageFetch& fetch)
{
    fetch.statements << statement;
    for (int attempt = 0;; ++attempt) {
        const int interrupts = m_interrupts.load();
        m_busy = true;
        auto rows = db.query(statement.sql, statement.params);
        m_busy = false;
        // A cancel sent for an earlier generation can land on this statement: run it again.
        if (rows || generation != m_generation.load() ||
            (m_interrupts.load() == interrupts && steadyMs() - m_lastInterruptMs.load() > 2000) ||
            attempt >= 2)
            return rows;
    }
}

PageFetch PageFetcher::fetch(Database& db, const PageRequest& r)
{
    PageFetch f;
    f.generation = r.generation;
    f.page = r.page;
    f.startRow = r.startRow;
    f.requestedRows = r.rows;
    f.totalRows = r.totalRows;
    const BrowseQuery& q = *r.query;
    const qint64 s = r.startRow;
    const int n = r.rows;
    if (m_latencyMs > 0)
        QThread::msleep(static_cast<unsigned long>(m_latencyMs));

    QElapsedTimer timer;
    timer.start();
    bool reversed = false;
    Result<QueryRows> rows = QueryRows{};
    auto seekFrom = [&](const QVariantList& from, qint64 offset, bool backwards) -> Result<QueryRows> {
        QVariantList key = from;
        if (offset > 0 || from.isEmpty()) {
            auto found = query(db, q.keyAt(from, offset, backwards), r.generation, f);
            if (!found || found->isEmpty())
                return found;
            key = found->rows.first();
        }
        return query(db, q.rowsFrom(key, true, n), r.generation, f);
    };

    if (!q.hasKey()) {
        f.path = QStringLiteral("offset");
        rows = query(db, q.offsetRows(s, n), r.generation, f);
    } else if (s == 0) {
        f.path = QStringLiteral("first");
        rows = query(db, q.firstRows(n), r.generation, f);
    } else if (!r.previousLastKey.isEmpty()) {
        f.path = QStringLiteral("after");
        f.fromEnd = r.neighbourFromEnd;
        rows = query(db, q.rowsFrom(r.previousLastKey, false, n), r.generation, f);
    } else if (!r.nextFirstKey.isEmpty()) {
        f.path = QStringLiteral("before");
        f.fromEnd = r.neighbourFromEnd;
        rows = query(db, q.rowsFrom(r.nextFirstKey, false, n, true), r.generation, f);
        reversed = true;
    } else if (const auto dense = r.anchors->denseFirstKey()) {
        f.path = QStringLiteral("dense");
        rows = query(db, q.rowsFrom({q.descending() ? *dense - s : *dense + s}, true, n), r.generation, f);
    } else if (const auto anchor = r.anchors->at(s / r.anchors->stride())) {
        f.path = QStringLiteral("anchor");
        rows = seekFrom(*anchor, s % r.anchors->stride(), false);
    } else {
        // The anchors do not reach this row yet: seek from whichever is nearer, the last anchor or the end.
        const auto below = r.anchors->nearestBelow(s);
        const qint64 base = below ? below->first * r.anchors->stride() : 0;
        if (r.totalRows > s && r.totalRows - s < s - base) {
            f.path = QStringLiteral("end");
            f.fromEnd = true;
            const qint64 count = std::min<qint64>(n, r.totalRows - s);
            rows = query(db, q.lastRows(r.totalRows - s - count, int(count)), r.generation, f);
            reversed = true;
        } else {
            f.path = below ? QStringLiteral("anchor") : QStringLiteral("start");
            rows = seekFrom(below ? below->second : QVariantList{}, s - base, false);
        }
    }
    f.micros = timer.nsecsElapsed() / 1000;
    if (!rows) {
        f.error = rows.error();
        return f;
    }
    const int keyWidth = q.keyWidth();
    QList<QVariantList>& all = rows->rows;
    if (reversed)
        std::reverse(all.begin(), all.end());
    f.rows.reserve(all.size());
    for (QVariantList& row : all) {
        if (f.firstKey.isEmpty())
            f.firstKey = row.mid(0, keyWidth);
        if (&row == &all.last())
            f.lastKey = row.mid(0, keyWidth);
        f.rows << row.mid(keyWidth);
    }
    return f;
}

} // namespace strata
