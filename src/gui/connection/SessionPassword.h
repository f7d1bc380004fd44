#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"

namespace strata {

/// The password Strata's connections to a PostgreSQL server log in with for the rest of this session, when
/// the operator typed it or the keychain gave it. libpq reads it from PGPASSWORD in Strata's own process
/// environment, in memory only; pg_dump and pg_restore get it in their own environment, hooks never.
class SessionPassword
{
public:
    /// Who the password is for and the password; empty when Strata set none.
    struct State
    {
        QString server; ///< ConnectionUrl::display() of the database it logs in to
        QString password;
    };

    /// Connections opened from now on use `password` (typed for `url`). An empty password gives
    /// PGPASSWORD back as it was before Strata set one (and ~/.pgpass applies again when there was none).
    static void use(const ConnectionUrl& url, const QString& password);
    /// The password Strata set for this database, or an empty string.
    static QString forUrl(const ConnectionUrl& url);
    static State current();
    /// Puts back a state from current(), e.g. when a dialog that tried another password is cancelled.
    static void restore(const State& state);
};

} // namespace strata
