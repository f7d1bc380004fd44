#include "browse/PageRequestQueue.h"

namespace strata {

QList<int> PageRequestQueue::push(PageRequest request)
{
    QList<int> dropped;
    QMutexLocker lock(&m_mutex);
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        if (it->page == request.page || it->generation != request.generation)
            it = m_requests.erase(it);
        else
            ++it;
    }
    m_requests.push_front(std::move(request));
    while (int(m_requests.size()) > m_capacity) {
        dropped << m_requests.back().page;
        m_requests.pop_back();
    }
    m_ready.wakeOne();
    return dropped;
}

std::optional<PageRequest> PageRequestQueue::take()
{
    QMutexLocker lock(&m_mutex);
    while (m_requests.empty() && !m_closed)
        m_ready.wait(&m_mutex);
    if (m_closed)
        return std::nullopt;
    PageRequest request = std::move(m_requests.front());
    m_requests.pop_front();
    return request;
}

void PageRequestQueue::clear()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

void PageRequestQueue::close()
{
    QMutexLocker lock(&m_mutex);
    m_closed = true;
    m_requests.clear();
    m_ready.wakeAll();
}

} // namespace strata
