#pragma once

#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"
#include "preflight/BlockerReport.h"

namespace strata {

/// The live pre-flight of blockers: reads, from the run's own session, which other sessions of the database
/// may block the pending steps or be blocked by them (PostgreSQL: long transactions, idle in transaction,
/// old snapshots, locks on the tables the steps name, and who blocks whom with pg_blocking_pids), or which
/// processes have the SQLite file open. Changes nothing.
class BlockerScan
{
public:
    static constexpr qint64 kLongTransactionMs = 60000;

    static Result<BlockerReport> scan(Database& db, const QStringList& tables,
                                      qint64 longTransactionMs = kLongTransactionMs);
};

} // namespace strata
