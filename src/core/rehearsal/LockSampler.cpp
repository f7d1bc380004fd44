#include "rehearsal/LockSampler.h"

#include <algorithm>
#include <future>
#include <memory>

#include <QElapsedTimer>

#include "dialects/postgres/PostgresDatabase.h"

namespace strata {

namespace {

constexpr qint64 kBurstMs = 50;

const QStringList& modes()
{
    static const QStringList list{
        QStringLiteral("AccessShareLock"),  QStringLiteral("RowShareLock"),
        QStringLiteral("RowExclusiveLock"), QStringLiteral("ShareUpdateExclusiveLock"),
        QStringLiteral("ShareLock"),        QStringLiteral("ShareRowExclusiveLock"),
        QStringLiteral("ExclusiveLock"),    QStringLiteral("AccessExclusiveLock")};
    return list;
}

} // namespace

LockSampler::LockSampler(ConnectionUrl url, int watchedPid, std::chrono::milliseconds interval)
    : m_url(std::move(url)), m_pid(watchedPid), m_interval(interval)
{}

LockSampler::~LockSampler()
{
    stop();
}

int LockSampler::rankOf(const QString& mode)
{
    return static_cast<int>(modes().indexOf(mode)) + 1;
}

QString LockSampler::modeName(const QString& mode)
{
    QString words = mode;
    if (words.endsWith(QLatin1String("Lock")))
        words.chop(4);
    QString out;
    for (const QChar c : words) {
        if (c.isUpper() && !out.isEmpty())
            out += QLatin1Char(' ');
        out += c.toUpper();
    }
    return out;
}

Status LockSampler::start()
{
    auto ready = std::make_shared<std::promise<Status>>();
    auto connected = ready->get_future();
    m_thread = std::thread([this, ready]() {
        // The session belongs to this thread: opened, used and closed here.
        auto session = PostgresDatabase::open(m_url);
        if (!session) {
            ready->set_value(session.error().prefixed(
                QStringLiteral("Cannot open the session that watches the rehearsal's locks")));
            return;
        }
        ready->set_value(Status());
        const QString sql = (*session)->catalogSql(QStringLiteral("rehearsal_locks"));
        QElapsedTimer clock;
        clock.start();
        std::unique_lock<std::mutex> lock(m_mutex);
        int current = -1;
        qint64 stepStartedMs = 0;
        while (!m_stopping) {
            const int before = m_step.load();
            if (before != current) {
                current = before;
                stepStartedMs = clock.elapsed();
            }
            if (before >= 0) {
                lock.unlock();
                const qint64 at = clock.elapsed();
                auto rows = (*session)->query(sql, {m_pid});
                lock.lock();
                // A sample taken while the step changed belongs to neither: dropped.
                if (rows && m_step.load() == before) {
                    m_samples.fetch_add(1);
                    auto& seen = m_seen[before];
                    for (const auto& row : rows->rows) {
                        const QString relation = row.value(0).toString();
                        const QString mode = row.value(1).toString();
                        auto it = seen.find(relation);
                        if (it == seen.end()) {
                            seen.insert(relation, Seen{mode, at, at});
                            continue;
                        }
                        if (rankOf(mode) > rankOf(it->mode))
                            it->mode = mode;
                        it->lastMs = at;
                    }
                }
            }
            // A step's first milliseconds are sampled every millisecond: ALTER TABLE ... ADD COLUMN holds
            // its ACCESS EXCLUSIVE lock for a few of them only.
            const bool burst = current >= 0 && clock.elapsed() - stepStartedMs < kBurstMs;
            m_wake.wait_for(lock, burst ? std::chrono::milliseconds(1) : m_interval,
                            [this] { return m_stopping; });
        }
    });
    Status status = connected.get();
    if (!status) {
        m_thread.join();
        return status;
    }
    return {};
}

void LockSampler::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

QList<RehearsedLock> LockSampler::merged(QList<RehearsedLock> sampled, const QHash<QString, QString>& atEnd,
                                         qint64 unsampledMs)
{
    for (auto it = atEnd.cbegin(); it != atEnd.cend(); ++it) {
        const QString name = modeName(*it);
        auto found = std::find_if(sampled.begin(), sampled.end(),
                                  [&](const RehearsedLock& lock) { return lock.relation == it.key(); });
        if (found == sampled.end()) {
            sampled << RehearsedLock{it.key(), name, unsampledMs};
            continue;
        }
        if (rankOf(*it) > nameRank(found->mode))
            found->mode = name;
    }
    std::sort(sampled.begin(), sampled.end(), [](const RehearsedLock& a, const RehearsedLock& b) {
        const int ra = nameRank(a.mode);
        const int rb = nameRank(b.mode);
        return ra != rb ? ra > rb : a.relation < b.relation;
    });
    return sampled;
}

int LockSampler::nameRank(const QString& name)
{
    for (qsizetype i = 0; i < modes().size(); ++i)
        if (modeName(modes().at(i)) == name)
            return static_cast<int>(i) + 1;
    return 0;
}

QList<RehearsedLock> LockSampler::locksOf(int id) const
{
    QList<RehearsedLock> locks;
    const auto seen = m_seen.value(id);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        locks << RehearsedLock{it.key(), it->mode, it->lastMs - it->firstMs + m_interval.count()};
    std::sort(locks.begin(), locks.end(), [](const RehearsedLock& a, const RehearsedLock& b) {
        const int ra = rankOf(a.mode);
        const int rb = rankOf(b.mode);
        return ra != rb ? ra > rb : a.relation < b.relation;
    });
    for (auto& lock : locks)
        lock.mode = modeName(lock.mode);
    return locks;
}

} // namespace strata
