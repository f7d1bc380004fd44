#pragma once

#include <QString>

#include "connection/ConnectionTarget.h"

namespace strata {

/// A connection the operator saved under a name: where the database is, how to reach it, and the migration
/// set that goes with it. Never the password: Strata keeps that in the OS keychain (PasswordVault) or
/// asks for it each time.
struct ConnectionProfile
{
    enum class Kind { Sqlite, Postgres };

    QString name;
    Kind kind = Kind::Postgres;
    QString path; ///< SQLite: the database file
    bool readOnly = false;
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("prefer");
    QString rootCert;   ///< sslrootcert: the CA that signed the server's certificate
    QString clientCert; ///< sslcert: this client's certificate
    QString clientKey;  ///< sslkey: this client's private key
    QString migrations;

    bool isPostgres() const { return kind == Kind::Postgres; }
    /// What the window opens: the URL (never a password), the migration set and a label.
    ConnectionTarget target() const;
    /// The profile a target describes, without a name; kind Sqlite and nothing else when its URL is bad.
    static ConnectionProfile fromTarget(const ConnectionTarget& target);
};

} // namespace strata
