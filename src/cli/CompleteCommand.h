#pragma once

#include "CliContext.h"

namespace strata::cli {

/// `strata-cli complete WHAT`: the candidates the shell completions (bash, zsh) offer, one per line, from the
/// same help and the same database the commands use, so a completion never offers what a command refuses:
///   complete commands              the command names
///   complete options [COMMAND]     the command's options and the global ones
///   complete backups               the backup ids of --db, newest first
///   complete versions              the versions of --migrations (for --db's dialect when given)
/// Prints nothing, and exits 0, when the database or the set cannot be read: a completion must not print
/// errors into the operator's command line.
class CompleteCommand
{
public:
    static int run(const CliContext& context);
};

} // namespace strata::cli
