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
    std::optional<qint64> count; ///< demo strategies --count N
    std::optional<qint64> days;  ///< demo strategies --days D
    std::optional<qint64> seed;  ///< demo strategies --seed S
    QString table;               ///< indexes --table: one table, "schema.table" or a bare name
    QString tool;                ///< adopt --tool: the other tool whose history is adopted
    bool acceptChecksum = false;
    bool markApplied = false;
    bool markRolledBack = false;
    QString acknowledgeRun; ///< resolve --acknowledge-run RUN_ID
    bool quick = false;
    bool testRestore = false;
    bool restoreOnFailure = false;
    bool unverified = false; ///< restore --unverified: a backup with neither manifest nor catalog entry
    bool differentDatabase = false; ///< restore --different-database: a backup of another database or set
    bool rehearse = false;          ///< migrate --rehearse: rehearse on a copy of the backup before the steps
    QString rehearseOn;             ///< rehearse / migrate --rehearse-on URL: where the copy goes
    std::optional<qint64> cancelPid;    ///< blockers --cancel PID
    std::optional<qint64> terminatePid; ///< blockers --terminate PID
    std::optional<qint64> waitSeconds;  ///< blockers --wait SECONDS
    bool analyze = false; ///< explain --analyze: run the statement (rolled back) and time its plan
    bool patch = false;   ///< review --patch: the safe rewrites as a unified diff of the step files
    bool csv = false;     ///< query --csv: rows as CSV (as psql and sqlite3 write it)
    bool inserts = false; ///< query --inserts: rows as INSERT statements
    bool write = false;   ///< query --write: the statement may change the database
    QString benchmark;    ///< strategies performance --benchmark SPEC (BenchmarkChoice::parse)
    bool help = false;
    bool version = false; ///< --version with no number after it: print strata-cli's version

    /// Unknown options, missing values and bad numbers are bad usage (exit 2).
    static Result<CliOptions> parse(const QStringList& arguments);
    /// `strata-cli --help` (CommandHelp::overview()).
    static QString usage();
};

} // namespace strata::cli
