#pragma once

#include <array>

#include <QByteArray>

#include "analytics/FamilyReturnScan.h"

namespace strata {

/// Follows the rows of FamilyReturnScan's ordered pass one strategy at a time and hands each strategy's
/// path to the sink when the next strategy begins (and at finish()). The id is copied only when the
/// strategy changes, so nothing is allocated per row.
class FamilyPathFollower
{
public:
    explicit FamilyPathFollower(const FamilyReturnScan::Sink& sink) : m_sink(sink) {}

    /// `values`: total_return_pct, winning_trades, total_trades and the three contributions (NaN for NULL).
    void row(const char* id, qsizetype idBytes, const std::array<double, 6>& values);
    /// Hands the last strategy's path to the sink.
    void finish();

private:
    const FamilyReturnScan::Sink& m_sink;
    QByteArray m_id;
    FamilyReturnScan::Path m_path;
    double m_peak = 1;
};

} // namespace strata
