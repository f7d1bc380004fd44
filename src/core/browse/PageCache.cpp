#include "browse/PageCache.h"

#include <QByteArray>
#include <QString>

namespace strata {

PageCache::PageCache(int maxPages, qint64 maxBytes)
    : m_maxPages(std::max(1, maxPages)), m_maxBytes(std::max<qint64>(1, maxBytes))
{}

const BrowsePage* PageCache::find(int index)
{
    auto it = m_pages.find(index);
    if (it == m_pages.end())
        return nullptr;
    it->lastUsed = ++m_clock;
    return &*it;
}

const BrowsePage* PageCache::peek(int index) const
{
    auto it = m_pages.constFind(index);
    return it == m_pages.constEnd() ? nullptr : &*it;
}

void PageCache::insert(BrowsePage page)
{
    if (page.bytes == 0)
        for (const QVariantList& row : page.rows)
            page.bytes += rowBytes(row);
    page.lastUsed = ++m_clock;
    const int index = page.index;
    auto it = m_pages.find(index);
    if (it != m_pages.end()) {
        m_bytes -= it->bytes;
        *it = std::move(page);
    } else {
        it = m_pages.insert(index, std::move(page));
    }
    m_bytes += it->bytes;
    evict();
}

void PageCache::evict()
{
    while (m_pages.size() > m_maxPages || (m_bytes > m_maxBytes && m_pages.size() > 1)) {
        // A linear scan over at most a few dozen pages is cheaper than keeping a list in order.
        auto oldest = m_pages.end();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it->lastUsed != m_clock && (oldest == m_pages.end() || it->lastUsed < oldest->lastUsed))
                oldest = it;
        if (oldest == m_pages.end())
            return;
        m_bytes -= oldest->bytes;
        m_pages.erase(oldest);
        ++m_evictions;
    }
}

void PageCache::removeIf(const std::function<bool(const BrowsePage&)>& predicate)
{
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (predicate(*it)) {
            m_bytes -= it->bytes;
            it = m_pages.erase(it);
        } else {
            ++it;
        }
    }
}

void PageCache::clear()
{
    m_pages.clear();
    m_bytes = 0;
}

qint64 PageCache::rowBytes(const QVariantList& row)
{
    qint64 bytes = 24 + 32 * row.size();
    for (const QVariant& value : row) {
        if (value.typeId() == QMetaType::QString)
            bytes += 2 * value.toString().size();
        else if (value.typeId() == QMetaType::QByteArray)
            bytes += value.toByteArray().size();
    }
    return bytes;
}

} // namespace strata
