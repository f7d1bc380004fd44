#include "dialects/postgres/PostgresRunLock.h"

#include <QDeadlineTimer>
#include <QThread>

#include "dialects/postgres/PostgresDatabase.h"

namespace strata {

Result<std::unique_ptr<PostgresRunLock>>
PostgresRunLock::acquire(PostgresDatabase& db, std::chrono::milliseconds timeout, const WaitNotice& waiting)
{
    const QVariantList keys{kClassKey, kObjectKey};
    QDeadlineTimer deadline(timeout);
    bool announced = false;
    QString lastHolder;
    for (;;) {
        auto rows = db.query(QStringLiteral("SELECT pg_try_advisory_lock(?::int4, ?::int4)"), keys);
        if (!rows)
            return rows.error();
        if (rows->value(0, 0).toString() == QLatin1String("t"))
            return std::unique_ptr<PostgresRunLock>(new PostgresRunLock(db));
        const QString who = holder(db);
        if (!who.isEmpty())
            lastHolder = who;
        if (!announced && waiting) {
            waiting(lastHolder.isEmpty() ? QStringLiteral("another session") : lastHolder);
            announced = true;
        }
        if (deadline.hasExpired())
            break;
        QThread::msleep(static_cast<unsigned long>(std::min<qint64>(100, deadline.remainingTime() + 1)));
    }
    return Error::locked(
        QStringLiteral("Another run holds the migration lock of %1: %2.")
            .arg(db.display(), lastHolder.isEmpty() ? QStringLiteral("another session") : lastHolder),
        QStringLiteral("Wait for that run to finish, or raise --lock-timeout. The lock is released when that "
                       "session ends; if it hangs, end it with SELECT pg_terminate_backend(PID)."));
}

PostgresRunLock::~PostgresRunLock()
{
    (void)m_db.execute(QStringLiteral("SELECT pg_advisory_unlock(?::int4, ?::int4)"),
                       QVariantList{kClassKey, kObjectKey});
}

QString PostgresRunLock::holder(PostgresDatabase& db)
{
    auto rows = db.query(db.catalogSql(QStringLiteral("lock_holder")), QVariantList{kClassKey, kObjectKey});
    if (!rows || rows->isEmpty())
        return {};
    return QStringLiteral("pid %1 (%2) from %3, connected since %4")
        .arg(rows->value(0, 0).toString(), rows->value(0, 1).toString(), rows->value(0, 2).toString(),
             rows->value(0, 3).toString());
}

QString PostgresRunLock::describe() const
{
    return QStringLiteral("advisory lock (%1, %2) on %3").arg(kClassKey).arg(kObjectKey).arg(m_db.display());
}

} // namespace strata
