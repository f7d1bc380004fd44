#include "run/HookRunner.h"

#include <csignal>

#include <QElapsedTimer>
#include <QProcess>

#include <unistd.h>

#include "common/ChildProcessGuard.h"

namespace strata {

CheckResult HookRunner::run(const QString& name, const HookSpec& hook, const QProcessEnvironment& environment,
                            const LineHandler& onLine, QString* output)
{
    QProcess process;
    // A hook is the operator's script, not a PostgreSQL tool: it never gets the password Strata logs in with.
    QProcessEnvironment hookEnvironment = environment;
    hookEnvironment.remove(QStringLiteral("PGPASSWORD"));
    process.setProcessEnvironment(hookEnvironment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!hook.workingDirectory.isEmpty())
        process.setWorkingDirectory(hook.workingDirectory);
    // Its own process group, so that a timeout can stop the hook and everything it started; and the hook with
    // what it started dies with Strata.
    ChildProcessGuard::attach(process);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), hook.command});
    if (!process.waitForStarted(10000))
        return CheckResult::failed(
            name, QStringLiteral("could not start `%1`: %2").arg(hook.command, process.errorString()));

    QString captured;
    QByteArray pending;
    auto drain = [&] {
        pending += process.readAll();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            captured += line + QLatin1Char('\n');
            if (onLine)
                onLine(line);
        }
    };
    QElapsedTimer timer;
    timer.start();
    bool timedOut = false;
    while (!process.waitForFinished(100)) {
        drain();
        if (process.state() == QProcess::NotRunning)
            break;
        if (timer.elapsed() > qint64(hook.timeoutSeconds) * 1000) {
            timedOut = true;
            ::kill(-static_cast<pid_t>(process.processId()), SIGTERM);
            if (!process.waitForFinished(3000))
                ::kill(-static_cast<pid_t>(process.processId()), SIGKILL);
            process.waitForFinished(3000);
            break;
        }
    }
    drain();
    captured += QString::fromUtf8(pending);
    if (output)
        *output = captured;
    QStringList lines = captured.trimmed().split(QLatin1Char('\n'));
    while (lines.size() > 5)
        lines.removeFirst();
    const QString tail = lines.join(QStringLiteral(" / "));
    if (timedOut)
        return CheckResult::failed(name, QStringLiteral("`%1` timed out after %2 s and was stopped%3")
                                             .arg(hook.command)
                                             .arg(hook.timeoutSeconds)
                                             .arg(tail.isEmpty() ? QString() : QStringLiteral(": ") + tail));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return CheckResult::failed(name, QStringLiteral("`%1` failed with exit code %2%3")
                                             .arg(hook.command)
                                             .arg(process.exitCode())
                                             .arg(tail.isEmpty() ? QString() : QStringLiteral(": ") + tail));
    return CheckResult::passed(name, QStringLiteral("`%1` done in %2 ms%3")
                                         .arg(hook.command)
                                         .arg(timer.elapsed())
                                         .arg(tail.isEmpty() ? QString() : QStringLiteral(": ") + tail));
}

} // namespace strata
