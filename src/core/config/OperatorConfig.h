#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "run/HookSpec.h"
#include "timeouts/StepTimeouts.h"

namespace strata {

/// The operator's `config/database.yaml` (seed 004's keys), read by strata-cli --config and the desktop app.
struct OperatorConfig
{
    QString databasePath;         ///< database.path, relative to the current folder as the daemon reads it
    QString migrations;           ///< database.migrations (Strata's own key): the migration set's folder
    bool autoMigrate = false;     ///< database.schema.auto_migrate
    QMap<QString, bool> switches; ///< boolean keys of database: (e.g. track_unrealized_pnl)
    QString backupDirectory = QStringLiteral("data/backups");
    int retentionDays = 30;
    int maxBackups = 10;
    bool requireConfirmation = true;
    bool createBackup = true;
    bool verifyAfter = true;
    HookSpec preHook;  ///< migration.pre_hook (Strata's own key): overrides the set's hooks.pre
    HookSpec postHook; ///< migration.post_hook
    /// migration.lock_timeout, statement_timeout, lock_attempts, lock_retry_backoff (Strata's own keys).
    StepTimeouts timeouts;

    /// The switches that are on, as option names for the planner.
    QStringList enabledSwitches() const;
    /// A missing file, bad YAML or a value of the wrong type is bad input naming the file, line and key.
    static Result<OperatorConfig> load(const QString& path);
};

} // namespace strata
