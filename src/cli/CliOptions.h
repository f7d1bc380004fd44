#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "common/Result.h"

namespace strata::cli {

/// strata-cli's command line: the global options of the contract, the command and its options.
struct CliOptions
{
    QString command;
    QStringList arguments; ///< positional arguments after the command
    QString db;
    QString migrations;
    QString config;
    bool json = false;
    bool yes = false;
    int lockTimeoutSeconds = 60;
    std::optional<qint64> to;
    QStringList enable;
    bool noBackup = false;
    std::optional<qint64> baselineVersion;
    QString out;
    bool acceptChecksum = false;
    bool markApplied = false;
    bool markRolledBack = false;
    bool quick = false;
    bool testRestore = false;
    bool restoreOnFailure = false;
    bool help = false;

    /// Unknown options, missing values and bad numbers are bad usage (exit 2).
    static Result<CliOptions> parse(const QStringList& arguments);
    static QString usage();
};

} // namespace strata::cli
