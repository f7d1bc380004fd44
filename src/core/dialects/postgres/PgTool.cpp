#include "dialects/postgres/PgTool.h"

#include <csignal>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include "common/ChildProcessGuard.h"
#include "connection/ServerPasswords.h"

namespace strata {

PgTool::PgTool(QString program, int serverMajor) : m_program(std::move(program))
{
    const QString versioned = QStringLiteral("/usr/lib/postgresql/%1/bin/%2").arg(serverMajor).arg(m_program);
    if (QFileInfo(versioned).isExecutable()) {
        m_path = versioned;
        return;
    }
    m_path = QStandardPaths::findExecutable(m_program);
}

QString PgTool::versionText() const
{
    if (m_path.isEmpty())
        return {};
    QProcess process;
    process.start(m_path, {QStringLiteral("--version")});
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

int PgTool::majorVersion() const
{
    static const QRegularExpression number(QStringLiteral("\\)\\s+(\\d+)"));
    const auto match = number.match(versionText());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

Result<PgTool::Outcome> PgTool::run(const QStringList& arguments, const ConnectionUrl* url,
                                    const Progress& progress, const LineHandler& onLine) const
{
    if (m_path.isEmpty())
        return Error::failed(
            QStringLiteral("%1 is not installed.").arg(m_program), QStringLiteral("Nothing was changed."),
            QStringLiteral("Install the PostgreSQL client programs (Debian: postgresql-client)."));
    // The password reaches the program in its own environment, which lives in memory and dies with it: never
    // in a file, which a kill at the wrong moment would leave behind.
    const QProcessEnvironment environment =
        url ? ServerPasswords::childEnvironment(*url, QProcessEnvironment::systemEnvironment())
            : QProcessEnvironment::systemEnvironment();
    QStringList args = arguments;
    if (url)
        args.prepend(QStringLiteral("--dbname=") + url->postgresConnInfo());
    args.prepend(QStringLiteral("--no-password"));

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    ChildProcessGuard::attach(process); // it and its parallel workers die with Strata
    process.start(m_path, args);
    if (!process.waitForStarted(10000))
        return Error::failed(QStringLiteral("%1 could not start: %2").arg(m_path, process.errorString()),
                             QStringLiteral("Nothing was changed."),
                             QStringLiteral("Check the installation."));
    const qint64 leader = process.processId();
    Outcome outcome;
    QByteArray pending;
    auto drain = [&]() {
        pending += process.readAllStandardError();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            outcome.standardError += line + QLatin1Char('\n');
            if (onLine)
                onLine(line);
        }
    };
    while (!process.waitForFinished(100)) {
        drain();
        outcome.standardOutput += QString::fromUtf8(process.readAllStandardOutput());
        if (progress.cancelled()) {
            ChildProcessGuard::signalGroup(leader, SIGTERM);
            if (!process.waitForFinished(5000))
                ChildProcessGuard::signalGroup(leader, SIGKILL);
            process.waitForFinished();
            ChildProcessGuard::signalGroup(leader, SIGKILL); // workers that outlived their leader
            return Error::failed(QStringLiteral("%1 was cancelled.").arg(m_program),
                                 QStringLiteral("The database was not changed."), QString());
        }
        if (process.state() == QProcess::NotRunning)
            break;
    }
    drain();
    outcome.standardError += QString::fromUtf8(pending);
    outcome.standardOutput += QString::fromUtf8(process.readAllStandardOutput());
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return outcome;
}

} // namespace strata
