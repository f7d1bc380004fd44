#pragma once

#include <memory>
#include <optional>

#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"
#include "migrations/MigrationPlan.h"
#include "migrations/MigrationRunner.h"
#include "migrations/MigrationSet.h"

namespace strata::test {

/// Drives the core the way strata-cli does (open, plan under the history, run), for engine tests.
class MigrationHarness
{
public:
    /// Opens `url`; fails the calling test through the returned error.
    static Result<std::unique_ptr<Database>> open(const QString& url);
    static Result<MigrationSet> load(const QString& folder);
    static Result<MigrationPlan> planUp(Database& db, const MigrationSet& set, std::optional<qint64> to = {},
                                        const QStringList& enable = {});
    static Result<MigrationPlan> planDown(Database& db, const MigrationSet& set, qint64 to);
    /// Plans up and applies; an error of either is returned.
    static Result<MigrationRunner::Outcome> migrate(Database& db, const MigrationSet& set,
                                                    std::optional<qint64> to = {},
                                                    const QStringList& enable = {});
    static Result<MigrationRunner::Outcome> rollback(Database& db, const MigrationSet& set, qint64 to);
    /// The schema as (kind, name, definition) lines, without Strata's own history tables.
    static QStringList schemaWithoutHistory(Database& db);
    /// Status values of schema_version_steps as "V.S=status".
    static QStringList stepStatuses(Database& db);
};

} // namespace strata::test
