#include "console/ConsoleSession.h"

#include "connection/DatabaseOpener.h"
#include "console/PostgresStatementRunner.h"
#include "console/SqliteStatementRunner.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

Result<std::unique_ptr<ConsoleSession>> ConsoleSession::open(const ConnectionUrl& url, bool writeMode)
{
    // Read-only sessions open what the file allows (a read-only file or mount still opens for reading).
    auto db = DatabaseOpener::open(url, writeMode ? DatabaseOpener::Mode::ReadWrite
                                                  : DatabaseOpener::Mode::Inspect);
    if (!db)
        return db.error();
    std::unique_ptr<ConsoleSession> session(new ConsoleSession(url, std::move(db).value(), writeMode));
    if (const Status attached = session->attach(); !attached)
        return attached.error();
    return session;
}

ConsoleSession::ConsoleSession(ConnectionUrl url, std::unique_ptr<Database> db, bool writeMode)
    : m_url(std::move(url)), m_db(std::move(db)), m_writeMode(writeMode)
{}

ConsoleSession::~ConsoleSession()
{
    if (m_held)
        (void)m_db->rollback();
    QMutexLocker lock(&m_runnerMutex);
    m_runner.reset();
}

Status ConsoleSession::attach()
{
    {
        QMutexLocker lock(&m_runnerMutex);
        if (m_db->dialect() == Dialect::Sqlite)
            m_runner = std::make_unique<SqliteStatementRunner>(static_cast<SqliteDatabase&>(*m_db));
        else
            m_runner = std::make_unique<PostgresStatementRunner>(static_cast<PostgresDatabase&>(*m_db));
    }
    return m_runner->setReadOnly(!m_writeMode);
}

Dialect ConsoleSession::dialect() const
{
    return m_db->dialect();
}

Status ConsoleSession::setWriteMode(bool on)
{
    if (m_held)
        return Error::refused(
            QStringLiteral("A statement waits for its confirmation in an open transaction."),
            QStringLiteral("Commit or roll it back first, then change the mode."));
    const Status status = m_runner->setReadOnly(!on);
    if (status)
        m_writeMode = on;
    return status;
}

Result<StatementOutcome> ConsoleSession::run(const QString& sql, const Batch& batch, int batchRows)
{
    m_errorPosition = -1;
    if (m_runner->connectionLost() && !m_held) {
        // The server ended the session (a restart, pg_terminate_backend): a new one, in the same mode.
        Status again;
        {
            QMutexLocker lock(&m_runnerMutex); // interrupt() reads the cancel handle that this replaces
            again = static_cast<PostgresDatabase&>(*m_db).reconnect();
        }
        if (!again)
            return again.error();
        if (const Status attached = attach(); !attached)
            return attached.error();
    }
    auto outcome = m_runner->run(sql, batch, qMax(1, batchRows));
    if (!outcome)
        m_errorPosition = m_runner->errorPosition();
    return outcome;
}

Result<StatementOutcome> ConsoleSession::runHeld(const QString& sql)
{
    if (m_held)
        return Error::refused(QStringLiteral("Another statement already waits for its confirmation."),
                              QStringLiteral("Commit or roll it back first."));
    if (const Status begun = m_runner->beginHeld(); !begun)
        return begun.error();
    m_held = true;
    return run(sql, [](const QStringList&, QList<QVariantList>&) { return true; });
}

Status ConsoleSession::commitHeld()
{
    if (!m_held)
        return Error::badInput(QStringLiteral("No statement waits for its confirmation."),
                               QStringLiteral("Run the statement first."));
    m_held = false;
    auto tag = m_runner->run(
        QStringLiteral("COMMIT"), [](const QStringList&, QList<QVariantList>&) { return true; }, 1);
    if (!tag) {
        (void)m_db->rollback();
        return tag.error();
    }
    // PostgreSQL answers COMMIT of a transaction in which a statement failed with ROLLBACK.
    if (tag->command == QLatin1String("ROLLBACK"))
        return Error::failed(QStringLiteral("The transaction had failed, so %1 rolled it back instead of "
                                            "committing it.")
                                 .arg(m_db->display()),
                             QStringLiteral("Nothing of it was kept."),
                             QStringLiteral("Look at the statement's error, fix it and run it again."));
    return {};
}

Status ConsoleSession::rollbackHeld()
{
    if (!m_held)
        return {};
    m_held = false;
    return m_db->rollback();
}

void ConsoleSession::interrupt()
{
    QMutexLocker lock(&m_runnerMutex);
    if (m_runner)
        m_runner->interrupt();
}

} // namespace strata
