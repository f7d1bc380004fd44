#include "connection/InterruptOnCancel.h"

#include <chrono>

#include "connection/Database.h"

namespace strata {

InterruptOnCancel::InterruptOnCancel(Database& db, const std::atomic_bool* cancel)
{
    if (!cancel)
        return;
    m_watcher = std::thread([this, &db, cancel] {
        while (!m_done.load()) {
            if (cancel->load()) {
                m_interrupted = true;
                db.interrupt();
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                continue;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
}

InterruptOnCancel::~InterruptOnCancel()
{
    m_done = true;
    if (m_watcher.joinable())
        m_watcher.join();
}

} // namespace strata
