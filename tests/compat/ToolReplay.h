#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace strata::test::compat {

/// How a tool hands one section of a migration to the database.
enum class RunMode {
    Transaction, ///< BEGIN, the section's statements, COMMIT
    OneQuery,    ///< the whole section as one query string (PostgreSQL: an implicit transaction unless the
                 ///< text has its own BEGIN/COMMIT; SQLite: each statement on its own)
    Autocommit,  ///< statement by statement, each committed on its own
};

/// One migration as its tool reads it: the section it runs forward and the one that undoes it.
struct ToolMigration
{
    QString file;       ///< the file its forward section comes from, relative to the folder
    QString downFile;   ///< the file of its down section when that is another file, else empty
    qint64 version = 0; ///< the tool's version number (Prisma and Flyway: the position in the tool's order)
    QByteArray up;
    RunMode upMode = RunMode::Transaction;
    bool hasDown = false; ///< a down section with statements in it
    QByteArray down;
    RunMode downMode = RunMode::Transaction;
};

/// A layout folder read as its own tool reads it, written for these tests from each tool's documented
/// rules and source (versions below), independently of Strata's loader: golang-migrate v4.19 (sqlite3
/// driver wraps each file in a transaction, postgres driver sends the file as one query), goose v3
/// (Up/Down sections, NO TRANSACTION), Flyway 10 (V versions compared part by part, then R__ by
/// description; on PostgreSQL a script with CONCURRENTLY runs outside a transaction), Prisma Migrate
/// (migration folders by name, each script as one batch, no transaction on SQLite), sqlx 0.8 (each
/// migration in a transaction unless its first line is "-- no-transaction"), and seed 001's runner
/// (file-name order, each file in one transaction).
class ToolReplay
{
public:
    /// The migrations in the order the tool applies them; `error` is set for a layout it does not know.
    static QList<ToolMigration> read(const QString& layout, const QString& folder, bool postgres,
                                     QString* error);
    /// Whether a script holds anything but comments, blanks and semicolons.
    static bool hasStatements(const QByteArray& sql);
    /// Runs `sql` on the database through the engine's own client (`sqlite3 -bail PATH`, or `psql -X` on
    /// the URL with ON_ERROR_STOP); returns the client's error, empty when it succeeded.
    static QString runWithClient(const QByteArray& sql, RunMode mode, bool postgres, const QString& target);
};

} // namespace strata::test::compat
