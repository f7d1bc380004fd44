#include "timeouts/LockWaitWatcher.h"

#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "dialects/sqlite/SqliteFileHolders.h"

namespace strata {

std::unique_ptr<LockWaitWatcher> LockWaitWatcher::forDatabase(Database& db)
{
    if (db.dialect() != Dialect::Postgres)
        return nullptr;
    auto pid = db.query(QStringLiteral("SELECT pg_backend_pid()"));
    if (!pid || pid->isEmpty())
        return nullptr;
    return std::unique_ptr<LockWaitWatcher>(
        new LockWaitWatcher(static_cast<PostgresDatabase&>(db).url(), pid->value(0, 0).toInt()));
}

QList<LockHolder> LockWaitWatcher::fileHolders(Database& db)
{
    QList<LockHolder> holders;
    if (db.dialect() != Dialect::Sqlite)
        return holders;
    for (const auto& process : SqliteFileHolders::processes(static_cast<SqliteDatabase&>(db).path(), true)) {
        LockHolder holder;
        holder.pid = static_cast<int>(process.pid);
        holder.applicationName = process.name;
        holder.state = QStringLiteral("has the file open");
        holders << holder;
    }
    return holders;
}

LockWaitWatcher::LockWaitWatcher(ConnectionUrl url, int watchedPid)
    : m_url(std::move(url)), m_watchedPid(watchedPid), m_thread([this] { loop(); })
{}

LockWaitWatcher::~LockWaitWatcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void LockWaitWatcher::arm()
{
    {
        std::lock_guard lock(m_mutex);
        m_armed = true;
        m_seen.reset();
    }
    m_wake.notify_all();
}

std::optional<LockWait> LockWaitWatcher::disarm()
{
    std::lock_guard lock(m_mutex);
    m_armed = false;
    return std::exchange(m_seen, std::nullopt);
}

void LockWaitWatcher::loop()
{
    // The session belongs to this thread: opened here, at once (a step's first wait may last only as long as
    // its lock_timeout), used and closed here. Without it (max_connections reached) holders go unnamed.
    std::unique_ptr<PostgresDatabase> session;
    if (auto opened = PostgresDatabase::open(m_url))
        session = std::move(opened).value();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_quit || m_armed; });
        if (m_quit || !session)
            return;
        // A step that ends within 50 ms never costs a query.
        if (m_wake.wait_for(lock, std::chrono::milliseconds(50), [this] { return m_quit || !m_armed; })) {
            if (m_quit)
                return;
            continue;
        }
        while (m_armed && !m_quit) {
            lock.unlock();
            std::optional<LockWait> wait;
            auto rows =
                session->query(session->catalogSql(QStringLiteral("lock_wait")), QVariantList{m_watchedPid});
            if (rows && !rows->isEmpty()) {
                LockWait seen;
                seen.relation = rows->value(0, 0).toString();
                seen.mode = rows->value(0, 1).toString();
                for (const auto& row : rows->rows) {
                    LockHolder holder;
                    holder.pid = row.value(2).toInt();
                    holder.applicationName = row.value(3).toString();
                    holder.user = row.value(4).toString();
                    holder.state = row.value(5).toString();
                    holder.query = row.value(6).toString();
                    holder.heldMs = row.value(7).toLongLong();
                    seen.holders << holder;
                }
                wait = seen;
            }
            lock.lock();
            if (wait && m_armed)
                m_seen = wait;
            m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_quit || !m_armed; });
        }
        if (m_quit)
            return;
    }
}

} // namespace strata
