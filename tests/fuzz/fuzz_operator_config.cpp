// Feeds OperatorConfig::load the operator's config/database.yaml: database path and migrations, the
// schema, backup and migration sections, the hooks and the boolean switches.
#include "FuzzCheck.h"
#include "FuzzFolder.h"
#include "config/OperatorConfig.h"

using namespace strata;
using strata::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const fuzz::FuzzFolder folder;
    const QString path = folder.filePath(QStringLiteral("config/database.yaml"));
    folder.write(QStringLiteral("config/database.yaml"),
                 QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    const auto config = OperatorConfig::load(path);
    if (!config) {
        check(config.error().what.contains(path),
              QStringLiteral("a config error that does not name the file: %1").arg(config.error().what));
        return 0;
    }
    check(config->preHook.timeoutSeconds == config->postHook.timeoutSeconds, "the hooks' timeouts differ");
    for (const QString& name : config->enabledSwitches())
        check(config->switches.value(name), QStringLiteral("switch %1 listed as on but off").arg(name));
    return 0;
}
