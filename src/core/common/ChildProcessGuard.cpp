#include "common/ChildProcessGuard.h"

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/signalfd.h>
#endif

namespace strata {

namespace {

#ifdef Q_OS_LINUX

/// The read end of a pipe whose write end only this process holds, for as long as it lives (both ends close
/// on exec): reading it gives end-of-file once this process is gone, whatever killed it.
int lifeline()
{
    static const int readEnd = [] {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return -1;
        return ends[0];
    }();
    return readEnd;
}

bool strataGone(int lifelineFd)
{
    pollfd fd{lifelineFd, POLLIN, 0};
    return ::poll(&fd, 1, 0) > 0 && (fd.revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

void closeFrom(int first)
{
    if (::close_range(static_cast<unsigned>(first), ~0U, 0) == 0)
        return;
    const long max = ::sysconf(_SC_OPEN_MAX);
    for (int fd = first; fd < (max > 0 && max < 65536 ? max : 65536); ++fd)
        ::close(fd);
}

/// The watcher: a copy of the program's process (before it runs the program), in its process group. It holds
/// nothing of Strata's but the lifeline. When Strata dies it kills the group; when the program ends first and
/// Strata lives, it leaves quietly. Only async-signal-safe calls: it runs in a fork of a threaded process.
[[noreturn]] void watch(pid_t program, int lifelineFd)
{
    for (int s = 1; s < NSIG; ++s)
        if (s != SIGKILL && s != SIGSTOP)
            ::signal(s, SIG_DFL);
    ::dup2(lifelineFd, 0);
    closeFrom(1);
    sigset_t death;
    sigemptyset(&death);
    sigaddset(&death, SIGUSR1);
    ::sigprocmask(SIG_SETMASK, &death, nullptr);
    const int programDied = ::signalfd(-1, &death, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGUSR1);
    bool programGone = ::getppid() != program;
    for (;;) {
        if (programGone) {
            if (strataGone(0))
                ::kill(0, SIGKILL);
            ::_exit(0);
        }
        pollfd fds[2] = {{0, POLLIN, 0}, {programDied, POLLIN, 0}};
        const int ready = ::poll(fds, programDied >= 0 ? 2 : 1, programDied >= 0 ? -1 : 200);
        if (ready < 0 && errno != EINTR)
            ::_exit(0);
        if (ready > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            ::kill(0, SIGKILL); // Strata is gone: the program and all it started go with it
            ::_exit(0);
        }
        if (ready > 0 && fds[1].revents != 0) {
            signalfd_siginfo info;
            (void)!::read(programDied, &info, sizeof info);
        }
        // The kernel gives the watcher its new parent before it signals it: a SIGUSR1 someone else sent to
        // the group changes nothing here.
        programGone = ::getppid() != program;
    }
}

#endif

} // namespace

void ChildProcessGuard::attach(QProcess& process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([strata = ::getpid(), lifelineFd = lifeline()] {
        ::setpgid(0, 0);
        const pid_t program = ::getpid();
        if (lifelineFd >= 0 && ::fork() == 0)
            watch(program, lifelineFd);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != strata) // Strata died before the line above: do not run at all
            ::_exit(127);
    });
#else
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
#endif
}

void ChildProcessGuard::signalGroup(qint64 programPid, int signal)
{
    if (programPid > 0)
        ::kill(-static_cast<pid_t>(programPid), signal);
}

} // namespace strata
