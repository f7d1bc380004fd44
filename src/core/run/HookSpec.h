#pragma once

#include <QString>

namespace strata {

/// A command the run calls around the migration (seed 004: stop the daemon before, start it after).
struct HookSpec
{
    QString command;          ///< run by /bin/sh -c
    int timeoutSeconds = 120; ///< a hook that hangs longer is killed, with everything it started
    QString workingDirectory; ///< empty: the current folder

    bool isSet() const { return !command.trimmed().isEmpty(); }
};

} // namespace strata
