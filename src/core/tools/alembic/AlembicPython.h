#pragma once

#include <QString>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// The Python that runs a project's own Alembic, and what it has installed. Found in this order:
/// STRATA_ALEMBIC (the project's `alembic` program or a Python interpreter), the project's virtualenv
/// (.venv/ or venv/ beside alembic.ini), the `alembic` program on PATH (its `#!` line names its Python),
/// then /usr/bin/python3 (Debian's python3-alembic).
class AlembicPython
{
public:
    /// The environment variable that names the project's alembic program or its Python interpreter.
    static constexpr const char* kVariable = "STRATA_ALEMBIC";

    /// Finds the interpreter for the project whose alembic.ini is in `projectFolder` and checks that it
    /// imports Alembic, SQLAlchemy and (for PostgreSQL) psycopg2. When it cannot, the error says how to get
    /// them. Runs the interpreter once.
    static Result<AlembicPython> find(const QString& projectFolder, Dialect dialect);

    QString interpreter() const { return m_interpreter; }
    /// Where the interpreter came from, for messages: "STRATA_ALEMBIC", "alembic on PATH", ...
    QString foundBy() const { return m_foundBy; }
    /// "Alembic 1.8.1, SQLAlchemy 1.4.46, psycopg2 2.9.5 (/usr/bin/python3)".
    QString describe() const { return m_description; }
    QString alembicVersion() const { return m_alembicVersion; }

    /// The script Strata hands to the interpreter (`python3 -c`): it runs one revision (resources/alembic).
    static QByteArray runnerScript();
    /// What to do when Alembic or a driver is missing.
    static QString howToInstall(Dialect dialect);

private:
    QString m_interpreter;
    QString m_foundBy;
    QString m_description;
    QString m_alembicVersion;
};

} // namespace strata
