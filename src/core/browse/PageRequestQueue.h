#pragma once

#include <deque>
#include <optional>

#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include "browse/PageRequest.h"

namespace strata {

/// The pages waiting for the page fetcher, newest first. Rapid scrolling asks for page after page; only the
/// last `capacity` are kept, because what was scrolled past is no longer on screen.
class PageRequestQueue
{
public:
    explicit PageRequestQueue(int capacity) : m_capacity(std::max(1, capacity)) {}

    /// Queues a request; returns the pages of the requests dropped to stay within capacity.
    QList<int> push(PageRequest request);
    /// The newest request; waits for one. Nothing once closed.
    std::optional<PageRequest> take();
    void clear();
    void close();

private:
    QMutex m_mutex;
    QWaitCondition m_ready;
    std::deque<PageRequest> m_requests; ///< newest at the front
    const int m_capacity;
    bool m_closed = false;
};

} // namespace strata
