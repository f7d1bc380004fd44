#pragma once

#include <chrono>
#include <memory>

#include "common/Result.h"
#include "connection/RunLock.h"

namespace strata {

class PostgresDatabase;

/// Strata's migration lock on PostgreSQL: a session-level advisory lock on a fixed pair of keys. It belongs
/// to the connection, so a run that crashes or is killed never leaves it behind.
class PostgresRunLock final : public RunLock
{
public:
    static constexpr int kClassKey = 1398034497; // "STRA"
    static constexpr int kObjectKey = 1;         // the migration lock

    static Result<std::unique_ptr<PostgresRunLock>>
    acquire(PostgresDatabase& db, std::chrono::milliseconds timeout, const WaitNotice& waiting);
    ~PostgresRunLock() override;
    QString describe() const override;
    /// Who holds the lock ("pid 123, strata-cli 456@host, from 127.0.0.1, connected since ..."), or empty.
    static QString holder(PostgresDatabase& db);

private:
    explicit PostgresRunLock(PostgresDatabase& db) : m_db(db) {}
    PostgresDatabase& m_db;
};

} // namespace strata
