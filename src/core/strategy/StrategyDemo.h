#pragma once

#include <cstdint>

#include <QDate>
#include <QString>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// `strata-cli demo strategies`: fills a database that has the strategy set applied with a realistic,
/// deterministic strategy history — families forking, mutating, branching and merging over generations,
/// each version's history, lineage rows for every ancestor with its generation distance, and daily
/// performance from a regime-switching market. Everything, including the *_db and updated_at columns, is
/// derived from the options: the same options give the same rows.
class StrategyDemo
{
public:
    struct Options
    {
        int count = 40; ///< strategies
        int days = 365; ///< daily performance rows per strategy
        std::uint64_t seed = 1;
        QDate lastDay = QDate(2026, 11, 20); ///< the last day of performance and of the history
    };

    struct Outcome
    {
        int strategies = 0;
        qint64 versions = 0;
        qint64 lineageRows = 0;
        qint64 performanceRows = 0;
        qint64 elapsedMs = 0;
    };

    /// The bundled strategy migration set inside the resources.
    static QString bundledSet();
    /// The demo the first launch creates beside the risk-state demo.
    static Options firstLaunch() { return {40, 730, 2026, QDate(2026, 11, 20)}; }

    /// Writes the demo into `db` in one transaction. Refuses (bad input) when the strategy tables are
    /// missing or already hold strategies; on any failure nothing is written.
    static Result<Outcome> fill(Database& db, const Options& options, const Progress& progress = {});
    /// Creates a SQLite file at `path` with the strategy set applied (tracked by Strata) and the demo in it.
    /// Refuses if `path` exists; on failure nothing is left at `path`.
    static Result<Outcome> createDatabase(const QString& path, const Options& options);
};

} // namespace strata
