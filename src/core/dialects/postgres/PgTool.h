#pragma once

#include <functional>

#include <QString>
#include <QStringList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// Runs one of PostgreSQL's own client programs (pg_dump, pg_restore) for a server: the binary of the
/// server's major version when installed, the connection as a conninfo without password, and the password
/// (PGPASSWORD) in that program's own environment only: never in a file, never on the command line. The
/// program and its parallel workers die with Strata (ChildProcessGuard).
class PgTool
{
public:
    struct Outcome
    {
        int exitCode = -1;
        QString standardError;
        QString standardOutput;
    };
    using LineHandler = std::function<void(const QString& line)>;

    PgTool(QString program, int serverMajor);

    /// The binary that will run (e.g. /usr/lib/postgresql/15/bin/pg_dump).
    QString path() const { return m_path; }
    /// Its version as it prints it ("pg_dump (PostgreSQL) 15.18" -> 15).
    int majorVersion() const;
    QString versionText() const;

    /// Runs with `arguments`; `url` (when given) connects it. Each stderr line goes to `onLine`. A cancel
    /// stops the program. A program that cannot start is an error; a non-zero exit is returned in Outcome.
    Result<Outcome> run(const QStringList& arguments, const ConnectionUrl* url, const Progress& progress,
                        const LineHandler& onLine = {}) const;

private:
    QString m_program;
    QString m_path;
};

} // namespace strata
