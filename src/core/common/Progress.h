#pragma once

#include <atomic>
#include <functional>

#include <QString>

namespace strata {

/// How a long operation (backup, verify, restore, migrate) reports how far it is, and how its caller asks
/// it to stop. The operation checks `cancelled()` between units of work and stops cleanly, never halfway
/// through one. Called on the operation's own thread: the desktop app forwards it with queued signals.
class Progress
{
public:
    using Callback = std::function<void(qint64 done, qint64 total, const QString& stage)>;

    Progress() = default;
    explicit Progress(Callback callback, const std::atomic_bool* cancel = nullptr)
        : m_callback(std::move(callback)), m_cancel(cancel)
    {}

    void report(qint64 done, qint64 total, const QString& stage) const
    {
        if (m_callback)
            m_callback(done, total, stage);
    }
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    const std::atomic_bool* cancelFlag() const { return m_cancel; }

private:
    Callback m_callback;
    const std::atomic_bool* m_cancel = nullptr;
};

} // namespace strata
