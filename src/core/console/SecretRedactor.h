#pragma once

#include <QString>

namespace strata {

/// Takes secrets out of a statement before it is kept anywhere (history, operations log): password
/// literals of CREATE/ALTER ROLE/USER ... PASSWORD '...', a user mapping's password option, password=...
/// in a libpq connection string (dblink, postgres_fdw), user:password@ in URLs, and SQLCipher's key PRAGMAs.
/// Each becomes '***'; the rest of the statement stays as typed.
class SecretRedactor
{
public:
    static QString redact(const QString& sql);
};

} // namespace strata
