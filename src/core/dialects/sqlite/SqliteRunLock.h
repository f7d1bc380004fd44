#pragma once

#include <chrono>
#include <memory>

#include <QLockFile>

#include "common/Result.h"
#include "connection/RunLock.h"

namespace strata {

/// The migration lock of a SQLite file: a lock file beside it (`<file>.strata-lock`). A lock left by a
/// process that died is recognised as stale (QLockFile checks the pid on this host) and taken over.
class SqliteRunLock final : public RunLock
{
public:
    static Result<std::unique_ptr<SqliteRunLock>>
    acquire(const QString& databasePath, std::chrono::milliseconds timeout, const WaitNotice& waiting);
    ~SqliteRunLock() override;

    QString describe() const override;
    static QString lockPathFor(const QString& databasePath);
    /// Who holds the lock file now ("pid 123 on host h (strata-cli) since ..."), or an empty string.
    static QString holderOf(const QString& lockPath);

private:
    explicit SqliteRunLock(const QString& lockPath);

    std::unique_ptr<QLockFile> m_lock;
    QString m_path;
};

} // namespace strata
