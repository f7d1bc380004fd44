#pragma once

#include <QMap>
#include <QString>

#include "common/Result.h"
#include "tools/alembic/PythonLiteral.h"

namespace strata {

/// What a Python module says at its top level, read from its tokens without running it: its docstring,
/// the literal values of its assignments (the last one of each name wins, as when Python runs it), and its
/// functions. Only what Alembic reads from a revision file is needed; see docs/migration-sets.md ("Alembic").
struct PythonModule
{
    struct Function
    {
        int line = 0;
        /// The body does nothing: only `pass`, `...`, strings and comments.
        bool trivial = true;
    };

    bool hasDocstring = false;
    QString docstring;
    QMap<QString, PythonLiteral> assignments;
    QMap<QString, Function> functions;

    /// Reads `text` (the file decoded); an unterminated string or bracket is bad input naming `path` and
    /// the line.
    static Result<PythonModule> scan(const QString& text, const QString& path);
};

} // namespace strata
