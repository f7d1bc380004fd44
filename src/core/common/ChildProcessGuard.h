#pragma once

#include <QProcess>

namespace strata {

/// Ties a program Strata starts (pg_dump, pg_restore, a hook) to Strata's own life, on Linux: the program
/// runs in a process group of its own and is killed when Strata dies, however it dies (kill -9 included), and
/// so is everything it started in its group (pg_dump's parallel workers, a hook's commands). While Strata
/// lives, a program that ends leaves what it started alone (a daemon a post hook started keeps running).
///
/// The kernel ties the program to the thread that starts it: start it from a thread that waits for it.
class ChildProcessGuard
{
public:
    /// Call before `process.start()`.
    static void attach(QProcess& process);
    /// Sends `signal` to the process group of an attached program, by its process id (QProcess::processId()
    /// while it runs): the program and what it started, also after the program itself has ended.
    static void signalGroup(qint64 programPid, int signal);
};

} // namespace strata
