#pragma once

#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Makes the family's statements read one snapshot: a read-only transaction (SQLite: a deferred BEGIN;
/// PostgreSQL: REPEATABLE READ READ ONLY) when the connection has none open, ended when the reading is done.
/// Inside a caller's transaction it does nothing. The aggregate and the ordered pass then count the same
/// rows.
class FamilySnapshot
{
public:
    explicit FamilySnapshot(Database& db) : m_db(db) {}
    ~FamilySnapshot();
    FamilySnapshot(const FamilySnapshot&) = delete;
    FamilySnapshot& operator=(const FamilySnapshot&) = delete;

    Status begin();
    /// Ends the transaction it began (nothing was written: a commit only releases it).
    Status end();

    /// Whether the connection is inside a transaction now.
    static bool inTransaction(Database& db);

private:
    Database& m_db;
    bool m_began = false;
};

} // namespace strata
