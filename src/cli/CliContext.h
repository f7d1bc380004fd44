#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include "CliOptions.h"
#include "CliOutput.h"
#include "backup/BackupCatalog.h"
#include "config/OperatorConfig.h"
#include "connection/DatabaseOpener.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlanner.h"
#include "migrations/MigrationSet.h"

namespace strata::cli {

/// An open database with its migration set and what its history says, as every command needs them.
struct CliSession
{
    std::unique_ptr<Database> db;
    MigrationSet set;
    HistoryState history;
    /// The user's tables that the history and the set's baseline name (not every table of the schema).
    QStringList tables;
    std::unique_ptr<RunLock> lock; ///< held by commands that change the database; released before `db` closes

    /// Reads the history and the user's tables again (after taking the run lock).
    Status refresh();
    MigrationPlanner planner() const { return MigrationPlanner(set, db->dialect(), history, tables); }
};

/// What the commands share: the parsed options, the operator config and where to write.
class CliContext
{
public:
    explicit CliContext(CliOptions options);

    const CliOptions& options() const { return m_options; }
    const CliOutput& out() const { return m_output; }
    const std::optional<OperatorConfig>& config() const { return m_config; }

    /// Loads --config if given.
    Status loadConfig();
    /// --db, else the config's database.path.
    Result<ConnectionUrl> databaseUrl() const;
    /// --migrations, else the config's database.migrations.
    Result<MigrationSet> loadSet() const;
    /// Opens the database and the set and, for read-only commands, reads the history. Commands that take the
    /// run lock read nothing before they hold it (refresh() after taking it).
    Result<CliSession> openSession(DatabaseOpener::Mode mode, bool readHistory = true) const;
    /// Opens the database read-write, takes the run lock (saying who holds it while waiting), and only then
    /// reads the history: what commands that change the database start with.
    Result<CliSession> openLockedSession() const;
    /// --enable, plus the config's switches that the set knows as options.
    QStringList enabledOptions(const MigrationSet& set) const;
    std::chrono::milliseconds lockTimeout() const;
    /// Takes the run lock, telling the operator who holds it while waiting.
    Result<std::unique_ptr<RunLock>> lock(Database& db) const;
    /// Opens the database alone (commands that need no migration set).
    Result<std::unique_ptr<Database>> openDatabase(DatabaseOpener::Mode mode) const;
    /// The catalog folder: --out's folder, the config's backup.directory, or the default for the database.
    QString backupFolder(Database& db) const;
    /// The config's retention (seed 004's defaults without a config).
    BackupCatalog::Retention retention() const;
    /// Asks before changing a database, unless --yes. Without a terminal to ask on, refuses with exit 2.
    Status confirm(const QString& question) const;

private:
    CliOptions m_options;
    CliOutput m_output;
    std::optional<OperatorConfig> m_config;
};

} // namespace strata::cli
