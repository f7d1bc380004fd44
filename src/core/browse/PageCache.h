#pragma once

#include <functional>

#include <QHash>
#include <QList>

#include "browse/BrowsePage.h"

namespace strata {

/// The pages the grid holds, at most `maxPages` and about `maxBytes`: the least recently used page goes
/// first, so scrolling through ten million rows keeps memory flat.
class PageCache
{
public:
    PageCache(int maxPages, qint64 maxBytes);

    /// The page, marked as just used; nullptr when not held.
    const BrowsePage* find(int index);
    /// The page without marking it used (for neighbours' keys).
    const BrowsePage* peek(int index) const;
    /// Holds the page, then evicts least recently used pages (never this one) beyond the bounds.
    void insert(BrowsePage page);
    void removeIf(const std::function<bool(const BrowsePage&)>& predicate);
    void clear();

    int size() const { return int(m_pages.size()); }
    qint64 bytes() const { return m_bytes; }
    qint64 evictions() const { return m_evictions; }
    int maxPages() const { return m_maxPages; }

    /// Approximate memory of a row's values.
    static qint64 rowBytes(const QVariantList& row);

private:
    void evict();

    QHash<int, BrowsePage> m_pages;
    int m_maxPages;
    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    qint64 m_evictions = 0;
    quint64 m_clock = 0;
};

} // namespace strata
