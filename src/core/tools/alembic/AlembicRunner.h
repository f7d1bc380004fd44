#pragma once

#include <functional>

#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"
#include "tools/alembic/AlembicPython.h"

namespace strata {

/// Runs one revision of an Alembic project with the project's own Alembic: `upgrade <revision>` or, to take
/// it back, `downgrade <revision>@<its down revision>` (see docs/decisions.md), with the project's
/// alembic.ini and env.py, on the database Strata is connected to. The database reaches Alembic as
/// `sqlalchemy.url` in the child's environment only, without a password (libpq reads PGPASSWORD or ~/.pgpass,
/// as Strata does).
///
/// Alembic runs on a connection of its own, in its own transaction: the revision and its alembic_version row
/// commit together there. Before and after, Alembic's own revision map checks that exactly this revision
/// comes or goes: a revision whose down revisions are not applied, or one that is not a head when it is
/// taken back, is refused before anything runs. An env.py that connects to another database is stopped
/// before its first statement.
class AlembicRunner
{
public:
    enum class Direction { Upgrade, Downgrade };

    struct Outcome
    {
        bool succeeded = false;
        /// alembic_version holds what it held before: Alembic rolled the revision back (or never began it).
        bool unchanged = false;
        QString message;    ///< Alembic's error when it failed, the exception's first lines
        QStringList before; ///< alembic_version before, as Alembic read it
        QStringList after;  ///< and after; empty when it could not be read
    };
    using LineHandler = std::function<void(const QString& line)>;

    AlembicRunner(AlembicPython python, QString iniPath, Database& db);

    /// Runs Alembic for `revision`, each line it prints handed to `onLine`. A revision Alembic refuses
    /// before running (not next, not a head, unknown) is an error with ExitCode::Refused, and so is Alembic
    /// missing a module; a revision that fails is an Outcome that did not succeed.
    Result<Outcome> run(Direction direction, const QString& revision, const LineHandler& onLine = {}) const;

private:
    Result<QByteArray> databaseJson() const;

    AlembicPython m_python;
    QString m_iniPath;
    Database& m_db;
};

} // namespace strata
