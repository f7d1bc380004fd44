#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"

namespace strata {

class Database;

/// What a statement does, so that the console knows which ones change data or schema on a production
/// database before they run. The engine's read-only mode stays the guard: a function called by a SELECT may
/// write, and only the engine knows.
class StatementKind
{
public:
    enum Kind {
        Read,        ///< SELECT, VALUES, SHOW, EXPLAIN (without ANALYZE of a write), read-only PRAGMAs
        Write,       ///< INSERT, UPDATE, DELETE, MERGE, COPY FROM, TRUNCATE, a CTE that writes
        Schema,      ///< CREATE, ALTER, DROP, GRANT, COMMENT, VACUUM, REINDEX, ... (DDL and maintenance)
        Transaction, ///< BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ...
    };

    /// From the text alone: PostgreSQL's parser (libpg_query); on SQLite, the leading keyword.
    static Kind ofText(Dialect dialect, const QString& sql);
    /// On an open connection: SQLite prepares the statement (without running it) and asks
    /// sqlite3_stmt_readonly, which knows e.g. that PRAGMA user_version = 3 writes; PostgreSQL as ofText.
    static Kind of(Database& db, const QString& sql);
    /// Whether it changes data or schema (the statements a production database asks about first).
    static bool changes(Kind kind) { return kind == Write || kind == Schema; }
    /// "read", "write", "schema", "transaction" (also the key in JSON).
    static QString name(Kind kind);
};

} // namespace strata
