#pragma once

#include <functional>

class QObject;

#include "common/Result.h"
#include "connection/ConnectionTarget.h"

namespace strata {

/// The demo a new user sees on first launch: a v1 risk-state database with realistic data, created from
/// Strata's resources in the user's data folder, with the bundled risk_state migration set.
class DemoWorkspace
{
public:
    /// Creates the demo database if it is missing and returns how to open it.
    static Result<ConnectionTarget> ensure();
    static QString folder();
    /// The strategy demo beside it (strategies.db): a database holds one migration set's history, so the
    /// strategy set and its demo history live in a file of their own.
    static QString strategiesPath();
    /// Creates the strategy demo when it is missing: only when the Strategies journey opens it, so the
    /// first window does not wait for its history to be generated.
    static Status ensureStrategies();
    /// ensureStrategies() on a thread of its own (generating the history takes a few hundred ms): `done`
    /// runs on `context`'s thread afterwards, unless `context` is gone by then.
    static void ensureStrategiesInBackground(QObject* context, std::function<void(const Status&)> done);
};

} // namespace strata
