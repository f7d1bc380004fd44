#pragma once

#include <array>
#include <optional>

#include <QByteArray>

#include "analytics/FamilyReturnScan.h"

namespace strata {

/// Follows the rows of FamilyReturnScan's ordered pass one strategy at a time and hands each strategy's
/// path to the sink when the next strategy begins (and at finish()). The id is copied only when the
/// strategy changes, so nothing is allocated per row.
///
/// It skips the rows the tearsheet skips, so both show the same figures: a row whose times are not times
/// or whose period ends before it starts, a row whose return is not a finite number, and a second row
/// for the same period_start of a strategy (the one with the lowest id is kept, as the tearsheet, which
/// reads ORDER BY period_start, id, keeps the first).
class FamilyPathFollower
{
public:
    struct Row
    {
        qint64 rowId = 0;
        std::optional<qint64> start, end; ///< milliseconds since the epoch; nothing when not a time
        /// total_return_pct, winning_trades, total_trades and the three contributions (NaN for NULL).
        std::array<double, 6> values{};
    };

    explicit FamilyPathFollower(const FamilyReturnScan::Sink& sink) : m_sink(sink) {}

    void row(const char* id, qsizetype idBytes, const Row& row);
    /// Hands the last strategy's path to the sink.
    void finish();

private:
    void add(const std::array<double, 6>& values);

    const FamilyReturnScan::Sink& m_sink;
    QByteArray m_id;
    bool m_following = false;
    bool m_pending = false; ///< m_held is a usable row not yet added (a second one may share its start)
    Row m_held;
    FamilyReturnScan::Path m_path;
    double m_peak = 1;
};

} // namespace strata
