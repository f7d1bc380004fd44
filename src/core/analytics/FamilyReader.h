#pragma once

#include "analytics/FamilyView.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Reads the family of one strategy (it and every descendant in strategy_lineage / parent_id) on the
/// caller's connection and builds its FamilyView. Used by `strata-cli strategies family ID` and the desktop
/// app's worker. An unknown strategy id is bad input naming it.
class FamilyReader
{
public:
    explicit FamilyReader(Database& db) : m_db(db) {}

    Result<FamilyView> read(const QString& rootId);

private:
    Database& m_db;
};

} // namespace strata
