#include "browse/KeyAnchors.h"

namespace strata {

void KeyAnchors::append(qint64 index, const QVariantList& key)
{
    QMutexLocker lock(&m_mutex);
    if (index == m_keys.size())
        m_keys.append(key);
}

std::optional<QVariantList> KeyAnchors::at(qint64 index) const
{
    QMutexLocker lock(&m_mutex);
    if (index < 0 || index >= m_keys.size())
        return std::nullopt;
    return m_keys.at(index);
}

std::optional<std::pair<qint64, QVariantList>> KeyAnchors::nearestBelow(qint64 row) const
{
    QMutexLocker lock(&m_mutex);
    if (m_keys.isEmpty())
        return std::nullopt;
    const qint64 index = std::min<qint64>(row / m_stride, m_keys.size() - 1);
    return std::make_pair(index, m_keys.at(index));
}

qint64 KeyAnchors::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_keys.size();
}

void KeyAnchors::setComplete()
{
    QMutexLocker lock(&m_mutex);
    m_complete = true;
}

bool KeyAnchors::complete() const
{
    QMutexLocker lock(&m_mutex);
    return m_complete;
}

void KeyAnchors::setDense(qint64 firstKey)
{
    QMutexLocker lock(&m_mutex);
    m_denseFirst = firstKey;
}

std::optional<qint64> KeyAnchors::denseFirstKey() const
{
    QMutexLocker lock(&m_mutex);
    return m_denseFirst;
}

} // namespace strata
