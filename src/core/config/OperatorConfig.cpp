#include "config/OperatorConfig.h"

#include <yaml-cpp/yaml.h>

#include "common/TextFile.h"
#include "timeouts/DurationText.h"

namespace strata {

QStringList OperatorConfig::enabledSwitches() const
{
    QStringList on;
    for (auto it = switches.cbegin(); it != switches.cend(); ++it)
        if (it.value())
            on << it.key();
    return on;
}

Result<OperatorConfig> OperatorConfig::load(const QString& path)
{
    auto file = TextFile::read(path);
    if (!file)
        return file.error();
    OperatorConfig config;
    QString key;
    try {
        const YAML::Node root = YAML::Load(file->bytes.toStdString());
        const YAML::Node db = root["database"];
        if (!db || !db.IsMap())
            return Error::badInput(QStringLiteral("%1 has no `database:` section.").arg(path),
                                   QStringLiteral("Use the layout of config/database.yaml (database: path:, "
                                                  "backup:, migration: ...)."));
        auto text = [&](const YAML::Node& node, const char* name, QString& out) {
            key = QString::fromLatin1(name);
            if (node && node[name])
                out = QString::fromStdString(node[name].as<std::string>());
        };
        auto flag = [&](const YAML::Node& node, const char* name, bool& out) {
            key = QString::fromLatin1(name);
            if (node && node[name])
                out = node[name].as<bool>();
        };
        auto number = [&](const YAML::Node& node, const char* name, int& out) {
            key = QString::fromLatin1(name);
            if (node && node[name])
                out = node[name].as<int>();
        };
        text(db, "path", config.databasePath);
        text(db, "migrations", config.migrations);
        flag(db["schema"], "auto_migrate", config.autoMigrate);
        text(db["backup"], "directory", config.backupDirectory);
        number(db["backup"], "retention_days", config.retentionDays);
        number(db["backup"], "max_backups", config.maxBackups);
        flag(db["migration"], "require_confirmation", config.requireConfirmation);
        flag(db["migration"], "create_backup", config.createBackup);
        flag(db["migration"], "verify_after", config.verifyAfter);
        text(db["migration"], "pre_hook", config.preHook.command);
        text(db["migration"], "post_hook", config.postHook.command);
        int hookTimeout = config.preHook.timeoutSeconds;
        number(db["migration"], "hook_timeout", hookTimeout);
        config.preHook.timeoutSeconds = config.postHook.timeoutSeconds = hookTimeout;
        // Durations: "5s", "500ms", "10min", or a bare number of seconds as hook_timeout takes them.
        auto duration = [&](const YAML::Node& node,
                            const char* name) -> std::optional<std::chrono::milliseconds> {
            key = QString::fromLatin1(name);
            if (!node || !node[name])
                return std::nullopt;
            const QString written = QString::fromStdString(node[name].as<std::string>()).trimmed();
            bool isNumber = false;
            const qint64 seconds = written.toLongLong(&isNumber);
            const auto parsed = isNumber && seconds >= 0 && seconds <= 2147483
                                    ? std::optional(std::chrono::milliseconds(seconds * 1000))
                                    : DurationText::parse(written);
            if (!parsed)
                throw YAML::TypedBadConversion<int>(node[name].Mark());
            return parsed;
        };
        const YAML::Node migration = db["migration"];
        if (const auto lock = duration(migration, "lock_timeout"))
            config.timeouts.lockTimeout = *lock;
        if (const auto statement = duration(migration, "statement_timeout"))
            config.timeouts.statementTimeout = *statement;
        if (const auto backoff = duration(migration, "lock_retry_backoff"))
            config.timeouts.retryBackoff = *backoff;
        number(migration, "lock_attempts", config.timeouts.lockAttempts);
        if (config.timeouts.lockAttempts < 1)
            return Error::badInput(
                QStringLiteral("%1: migration.lock_attempts is %2; a step is tried at least once.")
                    .arg(path)
                    .arg(config.timeouts.lockAttempts),
                QStringLiteral("Set lock_attempts to 1 (no retry) or more."));
        for (const auto& entry : db) {
            const std::string name = entry.first.as<std::string>();
            if (!entry.second.IsScalar() || name == "path" || name == "migrations")
                continue;
            bool value = false;
            if (YAML::convert<bool>::decode(entry.second, value))
                config.switches.insert(QString::fromStdString(name), value);
        }
    } catch (const YAML::Exception& e) {
        return Error::badInput(
            QStringLiteral("%1:%2: %3%4")
                .arg(path)
                .arg(e.mark.line + 1)
                .arg(key.isEmpty() ? QString() : QStringLiteral("key %1: ").arg(key),
                     QString::fromStdString(e.msg)),
            key.endsWith(QLatin1String("timeout")) || key.endsWith(QLatin1String("backoff"))
                ? QStringLiteral("Write %1 as %2, or a number of seconds.").arg(key, DurationText::syntax())
                : QStringLiteral("Fix the value in the config file and try again."));
    }
    return config;
}

} // namespace strata
