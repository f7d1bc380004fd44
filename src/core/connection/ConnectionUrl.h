#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include "common/Result.h"

namespace strata {

enum class Dialect { Sqlite, Postgres };

/// The dialect's name as manifests and step directives spell it ("sqlite", "postgresql").
QString dialectName(Dialect dialect);

/// Where a database is: a SQLite file or a PostgreSQL server. Never carries a password.
///
/// Forms: `sqlite:relative/or/absolute/path.db`, `sqlite:///abs/path.db`,
/// `postgresql://user@host:port/db?sslmode=verify-full&sslrootcert=...` (any libpq parameter passes through;
/// `postgres://` is accepted too). Passwords come from PGPASSWORD, ~/.pgpass or the keychain.
class ConnectionUrl
{
public:
    static Result<ConnectionUrl> parse(const QString& text);

    Dialect dialect() const { return m_dialect; }
    /// SQLite: the absolute path of the database file.
    QString sqlitePath() const { return m_sqlitePath; }
    /// PostgreSQL: libpq keyword/value pairs (host, port, dbname, user, sslmode, ...).
    const QList<QPair<QString, QString>>& postgresParameters() const { return m_pgParameters; }
    QString postgresParameter(const QString& key) const;
    /// The same server with another database name (for scratch databases and restores).
    ConnectionUrl withDatabaseName(const QString& name) const;
    /// A libpq conninfo string (values quoted as libpq wants).
    QString postgresConnInfo() const;
    /// For messages and the window title: no password, ever.
    QString display() const;

private:
    Dialect m_dialect = Dialect::Sqlite;
    QString m_sqlitePath;
    QList<QPair<QString, QString>> m_pgParameters;
};

} // namespace strata
