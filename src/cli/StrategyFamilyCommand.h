#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli strategies family ID`: a strategy and its descendants, each version's parameters against its
/// results, the component attribution by generation and the lineage rows' verdicts (FamilyReader).
class StrategyFamilyCommand
{
public:
    static int run(const CliContext& context, Database& db, const QString& rootId);
};

} // namespace strata::cli
