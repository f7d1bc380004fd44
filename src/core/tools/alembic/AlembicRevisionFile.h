#pragma once

#include <QByteArray>
#include <QString>

#include "common/Result.h"
#include "tools/alembic/AlembicRevision.h"

namespace strata {

/// Reads an Alembic revision file without running Python, as Alembic 1.8's ScriptDirectory loads it: the
/// module's `revision`, `down_revision`, `branch_labels`, `depends_on` and docstring. See
/// docs/migration-sets.md ("Alembic").
class AlembicRevisionFile
{
public:
    /// Whether Alembic 1.8 loads a file of this name from a versions folder: `*.py`, except `__init__*` and
    /// editor lock files (`.#*`).
    static bool isRevisionFileName(const QString& fileName);

    /// Parses the file's bytes; `path` (relative to the project) names it in errors. A file that is not
    /// UTF-8, does not tokenise as Python, has no `revision` or `down_revision`, or gives one that is not a
    /// literal Strata can read, is bad input naming the file.
    static Result<AlembicRevision> parse(const QByteArray& bytes, const QString& path);

    /// Reads `absolutePath` and parses it.
    static Result<AlembicRevision> read(const QString& absolutePath, const QString& path);
};

} // namespace strata
