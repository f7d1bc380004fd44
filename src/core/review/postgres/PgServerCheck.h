#pragma once

#include <QString>

namespace strata {

class Database;

/// The server's own check of a statement libpg_query could not read: PostgreSQL parses it as the body of a
/// temporary SQL function, inside a transaction rolled back at once. Nothing runs and nothing stays.
class PgServerCheck
{
public:
    struct Verdict
    {
        bool checked = false;  ///< the server could be asked (false: it could not, `message` says why)
        bool accepted = false; ///< the server parsed it
        QString message;       ///< the server's error when it refused, or why it could not be asked
    };
    static Verdict check(Database& db, const QString& statement);
};

} // namespace strata
