#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"

namespace strata {

/// The password Strata's connections to a PostgreSQL server log in with for the rest of this session, when
/// the operator typed it or the keychain gave it. It is kept in memory (ServerPasswords) and handed to each
/// connection and to pg_dump and pg_restore in their own environment: never put in Strata's own environment,
/// never written to disk; hooks never see it.
class SessionPassword
{
public:
    /// What use() replaced, so that a dialog that only tried a password can put the old one back.
    struct Change
    {
        ConnectionUrl url;
        QString before;
    };

    /// Connections to `url`'s server and user use `password` from now on. An empty password forgets the one
    /// kept: libpq then looks in PGPASSWORD of the environment Strata was started with and in ~/.pgpass.
    static Change use(const ConnectionUrl& url, const QString& password);
    /// The password kept for `url`'s server and user, or an empty string.
    static QString forUrl(const ConnectionUrl& url);
    /// Puts back what `change` replaced.
    static void undo(const Change& change);
};

} // namespace strata
