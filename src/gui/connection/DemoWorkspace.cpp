#include "connection/DemoWorkspace.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "demo/RiskStateDemo.h"

namespace strata {

QString DemoWorkspace::folder()
{
    // The same folder scripts/run.sh and strata-cli use: ~/.local/share/strata/demo.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("strata/demo"));
}

Result<ConnectionTarget> DemoWorkspace::ensure()
{
    const QString path = QDir(folder()).filePath(QStringLiteral("state.db"));
    if (!QFileInfo::exists(path))
        if (auto created = RiskStateDemo::create(path); !created)
            return created.error();
    ConnectionTarget target;
    target.url = QStringLiteral("sqlite:") + path;
    target.migrations = RiskStateDemo::bundledSet();
    target.backupFolder = QDir(folder()).filePath(QStringLiteral("backups"));
    target.label = QStringLiteral("Demo risk-state database");
    return target;
}

} // namespace strata
