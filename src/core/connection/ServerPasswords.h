#pragma once

#include <QProcessEnvironment>
#include <QString>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// The passwords this process logs in to PostgreSQL servers with, when the operator typed one or the
/// keychain gave it: in memory only, for one login (user on host:port) each, whatever database of that
/// server a connection opens (scratch copies and restores use other database names). Sessions pass it to
/// libpq as a connection parameter; pg_dump, pg_restore and Alembic get it in their own environment
/// (PGPASSWORD), never Strata's own, never a file, never a command line. Without one libpq looks where it
/// always does: PGPASSWORD of the environment Strata was started with, then ~/.pgpass. Thread-safe: workers
/// read it while the window sets it.
class ServerPasswords
{
public:
    /// How the error of a login the server refused begins: "PostgreSQL refused the login to DATABASE: ...".
    static const QString kRefusedLogin;

    /// Whether `error` is a login refused for want of the right password: none was given, or a wrong one.
    static bool wantsPassword(const Error& error);
    /// Connections to `url`'s login use `password` from now on; an empty one forgets it.
    static void set(const ConnectionUrl& url, const QString& password);
    /// The password kept for `url`'s login, or an empty string.
    static QString forUrl(const ConnectionUrl& url);
    static void forget(const ConnectionUrl& url);
    /// `environment` for a child program that connects to `url`: PGPASSWORD set when a password is kept.
    static QProcessEnvironment childEnvironment(const ConnectionUrl& url, QProcessEnvironment environment);
};

} // namespace strata
