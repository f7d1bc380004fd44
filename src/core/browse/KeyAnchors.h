#pragma once

#include <optional>

#include <QList>
#include <QMutex>
#include <QVariantList>

namespace strata {

/// A sparse index of a table's keys in one order: the key of every stride-th row, so that row N is found
/// as anchor N / stride plus an OFFSET shorter than the stride. Written by the row scanner's thread while
/// the page fetcher's thread reads it; one instance per order and filter.
class KeyAnchors
{
public:
    explicit KeyAnchors(int stride) : m_stride(stride > 0 ? stride : 1) {}

    int stride() const { return m_stride; }
    /// Adds the key of row index * stride; anchors arrive in order, so any other index is ignored.
    void append(qint64 index, const QVariantList& key);
    std::optional<QVariantList> at(qint64 index) const;
    /// The anchor nearest below `row`: its index and key, or nothing before the first anchor exists.
    std::optional<std::pair<qint64, QVariantList>> nearestBelow(qint64 row) const;
    qint64 size() const;

    /// The scan reached the end of the rows: every anchor there is, is here.
    void setComplete();
    bool complete() const;
    /// The key has no gaps: row N's key is first + N (first - N in descending order).
    void setDense(qint64 firstKey);
    std::optional<qint64> denseFirstKey() const;

private:
    const int m_stride;
    mutable QMutex m_mutex;
    QList<QVariantList> m_keys;
    bool m_complete = false;
    std::optional<qint64> m_denseFirst;
};

} // namespace strata
