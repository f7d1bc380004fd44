#pragma once

#include "connection/Database.h"

struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace strata {

/// A PostgreSQL session over libpq. The password is the one kept for this session (ServerPasswords), else
/// PGPASSWORD, ~/.pgpass or PGPASSFILE as libpq reads them; never from the URL.
class PostgresDatabase final : public Database
{
public:
    static Result<std::unique_ptr<PostgresDatabase>> open(const ConnectionUrl& url);
    ~PostgresDatabase() override;

    Dialect dialect() const override { return Dialect::Postgres; }
    QString display() const override;
    Result<QueryRows> query(const QString& sql, const QVariantList& params = {}) override;
    Status runScript(const SqlScript& script, bool inTransaction) override;
    Status begin() override;
    Status commit() override;
    Status rollback() override;
    /// A session-level advisory lock: it dies with its connection, so a crashed run never leaves it behind.
    /// The returned lock must be destroyed before this database.
    Result<std::unique_ptr<RunLock>> acquireRunLock(std::chrono::milliseconds timeout,
                                                    const RunLock::WaitNotice& waiting) override;
    void interrupt() override;

    const ConnectionUrl& url() const { return m_url; }
    pg_conn* handle() const { return m_conn; }
    /// The server's version number (e.g. 150018).
    int serverVersion() const;
    /// Ends the session (its advisory locks with it), e.g. so that the database can be renamed.
    void disconnect();
    /// Opens a new session to the same URL.
    Status reconnect();

private:
    PostgresDatabase(pg_conn* conn, ConnectionUrl url);
    /// The error of a failed result: SQLSTATE, message, detail and hint, as the server wrote them.
    static QString resultMessage(const pg_result* result);
    QString connectionMessage() const;

    pg_conn* m_conn = nullptr;
    pg_cancel* m_cancel = nullptr; ///< made on the owning thread; PQcancel on it is thread-safe
    ConnectionUrl m_url;
};

} // namespace strata
