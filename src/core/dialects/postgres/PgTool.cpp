#include "dialects/postgres/PgTool.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryFile>

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

namespace {

/// A .pgpass line matches any host, port, database and user; ':' and '\' are escaped as libpq wants.
QByteArray passfileLine(const QByteArray& password)
{
    QByteArray escaped;
    for (const char c : password) {
        if (c == ':' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return "*:*:*:*:" + escaped + "\n";
}

} // namespace

Result<PgTool::Outcome> PgTool::run(const QStringList& arguments, const ConnectionUrl* url,
                                    const Progress& progress, const LineHandler& onLine) const
{
    if (m_path.isEmpty())
        return Error::failed(
            QStringLiteral("%1 is not installed.").arg(m_program), QStringLiteral("Nothing was changed."),
            QStringLiteral("Install the PostgreSQL client programs (Debian: postgresql-client)."));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QTemporaryFile passfile;
    const QByteArray password = qgetenv("PGPASSWORD");
    if (!password.isEmpty()) {
        // QTemporaryFile creates the file with mode 0600: only this user can read the password.
        if (!passfile.open() || passfile.write(passfileLine(password)) < 0 || !passfile.flush())
            return Error::failed(
                QStringLiteral("Cannot write a temporary password file for %1.").arg(m_program),
                QStringLiteral("Nothing was changed."), QStringLiteral("Check the temporary folder."));
        environment.insert(QStringLiteral("PGPASSFILE"), passfile.fileName());
    }
    environment.remove(QStringLiteral("PGPASSWORD"));
    QStringList args = arguments;
    if (url)
        args.prepend(QStringLiteral("--dbname=") + url->postgresConnInfo());
    args.prepend(QStringLiteral("--no-password"));

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(m_path, args);
    if (!process.waitForStarted(10000))
        return Error::failed(QStringLiteral("%1 could not start: %2").arg(m_path, process.errorString()),
                             QStringLiteral("Nothing was changed."),
                             QStringLiteral("Check the installation."));
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
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished();
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
