#pragma once

#include "connection/Database.h"
#include "verify/CheckResult.h"

namespace strata {

/// Seed 004's "Verify No Active Connections", done properly: on SQLite, which other processes have the
/// file (or its -wal) open, whether a hot journal is waiting, and whether a write lock can be taken at once;
/// on PostgreSQL, which other sessions are connected to the database (pg_stat_activity).
class WriterProbe
{
public:
    static CheckResult probe(Database& db);
};

} // namespace strata
