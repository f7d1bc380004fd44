#include "config/OperatorConfig.h"

#include <yaml-cpp/yaml.h>

#include "common/TextFile.h"

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
        for (const auto& entry : db) {
            const std::string name = entry.first.as<std::string>();
            if (!entry.second.IsScalar() || name == "path" || name == "migrations")
                continue;
            bool value = false;
            if (YAML::convert<bool>::decode(entry.second, value))
                config.switches.insert(QString::fromStdString(name), value);
        }
    } catch (const YAML::Exception& e) {
        return Error::badInput(QStringLiteral("%1:%2: %3%4")
                                   .arg(path)
                                   .arg(e.mark.line + 1)
                                   .arg(key.isEmpty() ? QString() : QStringLiteral("key %1: ").arg(key),
                                        QString::fromStdString(e.msg)),
                               QStringLiteral("Fix the value in the config file and try again."));
    }
    return config;
}

} // namespace strata
