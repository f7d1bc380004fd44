#include "browse/RowScanner.h"

#include <chrono>
#include <cstdlib>

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

RowScanner::RowScanner(ConnectionUrl url, Callbacks callbacks)
    : m_url(std::move(url)), m_callbacks(std::move(callbacks))
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("strata-scan"));
    m_thread->start();
}

RowScanner::~RowScanner()
{
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_next.reset();
        m_current = 0;
        m_wake.wakeAll();
    }
    interrupt();
    m_thread->wait();
}

void RowScanner::start(ScanJob job)
{
    QMutexLocker lock(&m_mutex);
    m_current = job.generation;
    m_next = std::move(job);
    m_wake.wakeAll();
    lock.unlock();
    interrupt();
}

void RowScanner::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_current = 0;
    m_next.reset();
    lock.unlock();
    interrupt();
}

void RowScanner::interrupt()
{
    QMutexLocker lock(&m_dbMutex);
    ++m_interrupts;
    m_lastInterruptMs = steadyMs();
    // PostgreSQL cancels over a connection of its own: not worth opening when nothing runs.
    if (m_db && m_busy)
        m_db->interrupt();
}

void RowScanner::run()
{
    std::unique_ptr<Database> db;
    for (;;) {
        ScanJob job;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_next && !m_closed)
                m_wake.wait(&m_mutex);
            if (m_closed)
                break;
            job = std::move(*m_next);
            m_next.reset();
        }
        if (!db) { // opened with the first job, so a grid that is closed at once never connects twice
            auto opened = DatabaseOpener::open(m_url, DatabaseOpener::Mode::Inspect);
            if (!opened) {
                m_callbacks.failed(job.generation, opened.error());
                continue;
            }
            db = std::move(opened).value();
            QMutexLocker lock(&m_dbMutex);
            m_db = db.get();
        }
        scan(*db, job);
    }
    QMutexLocker lock(&m_dbMutex);
    m_db = nullptr;
}

Result<QueryRows> RowScanner::query(Database& db, const SqlStatement& statement, quint64 generation)
{
    for (int attempt = 0;; ++attempt) {
        const int interrupts = m_interrupts.load();
        m_busy = true;
        auto rows = db.query(statement.sql, statement.params);
        m_busy = false;
        // A cancel sent for the previous job can land on this statement: run it again.
        if (rows || !current(generation) ||
            (m_interrupts.load() == interrupts && steadyMs() - m_lastInterruptMs.load() > 2000) ||
            attempt >= 2)
            return rows;
    }
}

void RowScanner::scan(Database& db, const ScanJob& job)
{
    const quint64 generation = job.generation;
    const BrowseQuery& q = *job.query;
    qint64 rows = job.knownRows;
    if (job.countRows) {
        const auto counted = query(db, q.count(), generation);
        if (!current(generation))
            return;
        if (!counted) {
            m_callbacks.failed(generation, counted.error());
            return;
        }
        rows = counted->value(0, 0).toLongLong();
        m_callbacks.counted(generation, rows);
    }
    if (q.denseCandidate() && rows > 0) {
        // Row N is first + N only when the span of the key is exactly the number of rows.
        const auto range = query(db, q.keyRange(), generation);
        if (!current(generation))
            return;
        bool firstOk = false;
        bool lastOk = false;
        const qint64 first = range ? range->value(0, 0).toLongLong(&firstOk) : 0;
        const qint64 last = range ? range->value(0, 1).toLongLong(&lastOk) : 0;
        if (firstOk && lastOk && std::abs(last - first) + 1 == rows) {
            job.anchors->setDense(first);
            job.anchors->setComplete();
            m_callbacks.finished(generation);
            return;
        }
    }
    if (!q.hasKey()) {
        m_callbacks.finished(generation);
        return;
    }
    const int stride = job.anchors->stride();
    const int chunk = stride * std::max(1, job.chunkStrides);
    const int keyWidth = q.keyWidth();
    QVariantList from;
    qint64 base = 0;
    while (current(generation)) {
        // chunk + 1 rows: the last one is the next chunk's first anchor, where the next statement starts.
        const auto chunkRows = query(db, q.anchorChunk(from, stride, chunk + 1), generation);
        if (!current(generation))
            return;
        if (!chunkRows) {
            m_callbacks.failed(generation, chunkRows.error());
            return;
        }
        const qint64 size =
            chunkRows->isEmpty() ? 0 : chunkRows->rows.first().value(keyWidth + 1).toLongLong();
        for (const QVariantList& row : chunkRows->rows)
            job.anchors->append((base + row.value(keyWidth).toLongLong() - 1) / stride, row.mid(0, keyWidth));
        if (size < chunk + 1) {
            job.anchors->setComplete();
            m_callbacks.counted(generation, base + size);
            m_callbacks.finished(generation);
            return;
        }
        base += chunk;
        from = chunkRows->rows.last().mid(0, keyWidth);
        m_callbacks.progressed(generation, base);
    }
}

} // namespace strata
