#pragma once

#include "analytics/BenchmarkChoice.h"
#include "analytics/ReturnSeries.h"
#include "common/Result.h"
#include "connection/Database.h"
#include "strategy/StrategyRecord.h"

namespace strata {

/// Reads the benchmark series a BenchmarkChoice names, as daily returns. A parent's or another strategy's
/// daily performance rows; a table's date and value columns; a CSV file with a header (a date column and a
/// value column: "date"/"day"/"time", and "return"/"returns"/"close"/"adj close"/"price"/"value", or the
/// first two columns). Prices become returns (p[t] / p[t-1] - 1); several values on one day keep the last.
class BenchmarkLoader
{
public:
    explicit BenchmarkLoader(Database& db) : m_db(db) {}

    struct Loaded
    {
        ReturnSeries series; ///< empty when there is none (Kind::None, a root strategy)
        QString note;        ///< why there is none, or what was skipped ("3 rows without a date skipped")
    };
    Result<Loaded> load(const StrategyRecord& strategy, const BenchmarkChoice& choice);

private:
    Database& m_db;
};

} // namespace strata
