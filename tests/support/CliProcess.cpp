#include "CliProcess.h"

#include <QJsonDocument>

namespace strata::test {

QJsonObject CliProcess::Outcome::json() const
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

QProcessEnvironment CliProcess::defaultEnvironment()
{
    return QProcessEnvironment::systemEnvironment();
}

std::unique_ptr<QProcess> CliProcess::start(const QStringList& arguments,
                                            const QProcessEnvironment& environment)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(QProcess::nullDevice());
    process->start(QStringLiteral(STRATA_CLI_PATH), arguments);
    return process;
}

CliProcess::Outcome CliProcess::finish(QProcess& process, int timeoutMs)
{
    Outcome outcome;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        outcome.crashed = true;
    }
    outcome.crashed = outcome.crashed || process.exitStatus() == QProcess::CrashExit;
    outcome.exitCode = process.exitCode();
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

CliProcess::Outcome CliProcess::run(const QStringList& arguments, const QProcessEnvironment& environment,
                                    int timeoutMs)
{
    auto process = start(arguments, environment);
    return finish(*process, timeoutMs);
}

} // namespace strata::test
