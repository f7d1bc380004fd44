#pragma once

#include <functional>

#include <QString>

namespace strata {

/// The migration lock of one database, held for a whole run and released when destroyed.
class RunLock
{
public:
    using WaitNotice = std::function<void(const QString& holder)>;

    virtual ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    /// How the lock is held, for the status bar and messages.
    virtual QString describe() const = 0;

protected:
    RunLock() = default;
};

} // namespace strata
