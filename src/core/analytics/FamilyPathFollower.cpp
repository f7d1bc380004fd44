#include "analytics/FamilyPathFollower.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace strata {

void FamilyPathFollower::row(const char* id, qsizetype idBytes, const std::array<double, 6>& values)
{
    if (m_path.days == 0 || idBytes != m_id.size() ||
        std::memcmp(id, m_id.constData(), size_t(idBytes)) != 0) {
        finish();
        m_id.resize(idBytes); // keeps its capacity from one strategy to the next
        std::memcpy(m_id.data(), id, size_t(idBytes));
    }
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
    if (m_path.days > 0)
        m_sink(m_id, m_path);
    m_path = {};
    m_peak = 1;
}

} // namespace strata
