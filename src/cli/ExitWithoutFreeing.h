#pragma once

#include <memory>

namespace strata::cli {

/// How a read-only command ends. Freeing what it read (a set of thousands of steps, the SQLite schema of
/// thousands of tables) took longer than the last quarter of `status` on such a database, and the process
/// ends right after: such a command hands those objects over here, and once its output is flushed the
/// process exits without freeing them. Nothing is left unfinished by that: the command only read, and the
/// SQLite file's locks and a PostgreSQL connection end with the process, as on any exit.
class ExitWithoutFreeing
{
public:
    /// Keeps `objects` until the process exits.
    static void keep(std::shared_ptr<void> objects);
    /// The command's exit code: returned as is when nothing was kept, else the process exits with it here.
    static int finish(int code);
};

} // namespace strata::cli
