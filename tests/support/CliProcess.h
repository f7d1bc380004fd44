#pragma once

#include <memory>

#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace strata::test {

/// The real strata-cli binary, run as a process the way deploy scripts run it.
class CliProcess
{
public:
    struct Outcome
    {
        int exitCode = -1;
        bool crashed = false;
        QString out;
        QString err;
        /// stdout as a JSON object (for --json runs); empty when it is not JSON.
        QJsonObject json() const;
    };

    /// Runs to the end (or `timeoutMs`) with no standard input.
    static Outcome run(const QStringList& arguments,
                       const QProcessEnvironment& environment = defaultEnvironment(), int timeoutMs = 120000);
    /// Starts without waiting (for concurrency and kill tests).
    static std::unique_ptr<QProcess> start(const QStringList& arguments,
                                           const QProcessEnvironment& environment = defaultEnvironment());
    static Outcome finish(QProcess& process, int timeoutMs = 120000);
    static QProcessEnvironment defaultEnvironment();
};

} // namespace strata::test
