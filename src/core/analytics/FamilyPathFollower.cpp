#include "analytics/FamilyPathFollower.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace strata {

void FamilyPathFollower::row(const char* id, qsizetype idBytes, const Row& row)
{
    if (!m_following || idBytes != m_id.size() || std::memcmp(id, m_id.constData(), size_t(idBytes)) != 0) {
        finish();
        m_following = true;
        m_id.resize(idBytes); // keeps its capacity from one strategy to the next
        std::memcpy(m_id.data(), id, size_t(idBytes));
    }
    if (!row.start || !row.end || *row.end < *row.start || !std::isfinite(row.values[0])) {
        ++m_path.skipped;
        return;
    }
    if (m_pending && *m_held.start == *row.start) { // rows come in period_start order: a repeat is next
        ++m_path.skipped;
        if (row.rowId < m_held.rowId)
            m_held = row;
        return;
    }
    if (m_pending)
        add(m_held.values);
    m_held = row;
    m_pending = true;
}

void FamilyPathFollower::add(const std::array<double, 6>& values)
{
    const double r = values[0] / 100.0;
    FamilyReturnScan::Path& p = m_path;
    ++p.days;
    p.growth *= 1 + r;
    m_peak = std::max(m_peak, p.growth);
    p.maxDrawdown = std::min(p.maxDrawdown, p.growth / m_peak - 1);
    p.sum += r;
    p.squares += r * r;
    p.downside += r < 0 ? r * r : 0;
    p.winning += values[1];
    p.trades += values[2];
    for (int c = 0; c < 3; ++c)
        if (!std::isnan(values[size_t(3 + c)])) {
            p.contribution[size_t(c)] += values[size_t(3 + c)];
            ++p.contributed[size_t(c)];
        }
}

void FamilyPathFollower::finish()
{
    if (m_pending)
        add(m_held.values);
    if (m_following && (m_path.days > 0 || m_path.skipped > 0))
        m_sink(m_id, m_path);
    m_following = m_pending = false;
    m_path = {};
    m_peak = 1;
}

} // namespace strata
