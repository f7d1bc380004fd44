#pragma once

#include <QString>

#include "common/Result.h"

namespace strata {

/// The demo database: a v1 risk-state SQLite file with realistic data, as a daemon that predates tracking
/// leaves it (no schema_version), built from the bundled migration set and demo data in Strata's resources.
class RiskStateDemo
{
public:
    /// The bundled risk_state set inside the resources.
    static QString bundledSet();
    /// Creates `path`; refuses if it exists. On failure, nothing is left at `path`. `historyRows` more
    /// enforcement_log rows (with an order for every 4 and a position for every 40) make a demo of a real
    /// size, e.g. 1,000,000 for the rehearsal's benchmark (resources/demo/risk_state_v1_history.sql).
    static Status create(const QString& path, qint64 historyRows = 0);
};

} // namespace strata
