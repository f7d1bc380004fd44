// What the sessions tests share: real PostgreSQL sessions of the "platform" that hold and wait for a row
// lock, a login role without superuser rights, and the steady writer holding a SQLite file in WAL mode.
#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include <QElapsedTimer>
#include <QProcess>
#include <QThread>
#include <QUuid>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "connection/Database.h"

namespace strata::test {

/// What went wrong with `result`, empty when nothing did (a QVERIFY2 message is built even when it passes).
template <typename R> QString why(const R& result)
{
    return result.ok() ? QString() : result.error().toText();
}

inline std::unique_ptr<Database> openUrl(const QString& url)
{
    auto db = MigrationHarness::open(url);
    if (!db) {
        qWarning("%s", qPrintable(db.error().toText()));
        return nullptr;
    }
    return std::move(db).value();
}

inline int backendPid(Database& db)
{
    auto rows = db.query(QStringLiteral("SELECT pg_backend_pid()"));
    return rows ? rows->value(0, 0).toInt() : 0;
}

/// `url` with its user replaced by `user` (the password stays PGPASSWORD's).
inline QString urlAs(const QString& url, const QString& user)
{
    const qsizetype at = url.indexOf(QLatin1Char('@'));
    const qsizetype scheme = url.indexOf(QStringLiteral("://"));
    return url.left(scheme + 3) + user + url.mid(at);
}

/// A holder that updates one row in an open transaction ("fills-writer") and a waiter that tries to update
/// the same row on its own thread ("risk-daemon") and blocks on the holder's row lock until the holder ends
/// or it is cancelled.
class RowLockScene
{
public:
    explicit RowLockScene(const QString& url) : m_url(url)
    {
        m_holder = openUrl(url);
        if (!m_holder)
            return;
        (void)m_holder->execute(QStringLiteral("SET application_name = 'fills-writer'"));
        (void)m_holder->execute(QStringLiteral("BEGIN"));
        (void)m_holder->execute(QStringLiteral("UPDATE fills SET qty = qty + 1 WHERE id = 1"));
        m_holderPid = backendPid(*m_holder);
        m_thread = std::thread([this] {
            auto db = openUrl(m_url);
            if (!db) {
                m_waiterPid = -1;
                return;
            }
            (void)db->execute(QStringLiteral("SET application_name = 'risk-daemon'"));
            m_waiterPid = backendPid(*db);
            auto done = db->execute(QStringLiteral("UPDATE fills SET qty = qty - 1 WHERE id = 1"));
            m_error = done ? QString() : done.error().what;
            m_done = true;
        });
    }
    ~RowLockScene()
    {
        if (m_holder)
            (void)m_holder->execute(QStringLiteral("ROLLBACK"));
        m_holder.reset();
        if (m_thread.joinable())
            m_thread.join();
    }
    /// Waits until the waiter waits for the lock (pg_stat_activity says so), up to 5 s.
    bool waiting(Database& observer) const
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000) {
            if (m_waiterPid > 0) {
                auto rows = observer.query(
                    QStringLiteral("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?::int"),
                    {int(m_waiterPid)});
                if (rows && rows->value(0, 0).toString() == QLatin1String("Lock"))
                    return true;
            }
            QThread::msleep(20);
        }
        return false;
    }
    /// Waits up to 5 s for the waiter's statement to end.
    bool waiterDone() const
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_done && timer.elapsed() < 5000)
            QThread::msleep(20);
        return m_done;
    }
    int holderPid() const { return m_holderPid; }
    int waiterPid() const { return m_waiterPid; }
    QString waiterError() const { return m_done ? m_error : QString(); }
    Database* holder() { return m_holder.get(); }
    void releaseHolder()
    {
        if (m_holder)
            (void)m_holder->execute(QStringLiteral("ROLLBACK"));
    }

private:
    QString m_url;
    std::unique_ptr<Database> m_holder;
    int m_holderPid = 0;
    std::atomic_int m_waiterPid{0};
    std::atomic_bool m_done{false};
    QString m_error;
    std::thread m_thread;
};

/// A login role without superuser rights, with PGPASSWORD's password, dropped at the end.
class PlainRole
{
public:
    explicit PlainRole(Database& admin) : m_admin(admin)
    {
        m_name = QStringLiteral("desk_") + QUuid::createUuid().toString(QUuid::Id128).left(10);
        const QString password =
            qEnvironmentVariable("PGPASSWORD").replace(QLatin1Char('\''), QStringLiteral("''"));
        m_ok = m_admin
                   .execute(
                       QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER PASSWORD '%2'").arg(m_name, password))
                   .ok();
    }
    ~PlainRole()
    {
        if (m_ok)
            (void)m_admin.execute(QStringLiteral("DROP ROLE %1").arg(m_name));
    }
    bool ok() const { return m_ok; }
    QString name() const { return m_name; }

private:
    Database& m_admin;
    QString m_name;
    bool m_ok = false;
};

/// Creates `fills` (id, qty) with `rows` rows.
inline bool makeFills(Database& db, int rows)
{
    return db.execute(QStringLiteral("CREATE TABLE fills (id integer PRIMARY KEY, qty integer NOT NULL, "
                                     "note text)"))
               .ok() &&
           db.execute(QStringLiteral("INSERT INTO fills SELECT g, g % 100, repeat('x', 60) FROM "
                                     "generate_series(1, %1) g")
                          .arg(rows))
               .ok();
}

/// The steady writer (a daemon's stand-in committing a row every millisecond in WAL mode) on `path`.
class SteadyWriter
{
public:
    explicit SteadyWriter(const QString& path)
    {
        m_process.start(QStringLiteral(STRATA_STEADY_WRITER_PATH), {path, QStringLiteral("60")});
        m_ready = m_process.waitForStarted() && m_process.waitForReadyRead(10000) &&
                  m_process.readLine().startsWith("ready");
    }
    ~SteadyWriter()
    {
        m_process.write("stop\n");
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
    bool ready() const { return m_ready; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    bool m_ready = false;
};

} // namespace strata::test
