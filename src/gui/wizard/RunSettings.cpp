#include "wizard/RunSettings.h"

#include "config/OperatorConfig.h"
#include "run/DatabaseUsers.h"

namespace strata {

Result<PhasedRun::Settings> RunSettings::forTarget(const ConnectionTarget& target,
                                                   const QString& backupFolder)
{
    PhasedRun::Settings settings;
    settings.backupFolder = backupFolder;
    auto url = target.connectionUrl();
    if (!url)
        return url.error();
    settings.commandPrefix = QStringLiteral("strata-cli --db '%1'").arg(url->display());
    if (target.config.isEmpty())
        return settings;
    auto config = OperatorConfig::load(target.config);
    if (!config)
        return config.error();
    settings.configSwitches = config->enabledSwitches();
    settings.createBackup = config->createBackup;
    settings.verifyAfter = config->verifyAfter;
    settings.retention = {config->retentionDays, config->maxBackups};
    settings.preHook = config->preHook;
    settings.postHook = config->postHook;
    settings.stepTimeouts = config->timeouts;
    return settings;
}

bool RunSettings::hasHooks(const PhasedRun::Settings& settings, const QString& setFolder)
{
    return DatabaseUsers::of(settings.preHook, settings.postHook, setFolder).hooks();
}

} // namespace strata
