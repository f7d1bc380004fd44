#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli strategies lineage | performance ID`: the strategy data the desktop app draws, for scripts.
/// Problems in the data are reported and exit 0; tables that cannot be read exit 1; an unknown id exits 2.
class StrategiesCommand
{
public:
    static int run(const CliContext& context);

private:
    static int lineage(const CliContext& context, Database& db);
    static int performance(const CliContext& context, Database& db, const QString& strategyId);
};

} // namespace strata::cli
