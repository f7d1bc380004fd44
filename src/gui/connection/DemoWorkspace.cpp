#include "connection/DemoWorkspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>

#include "demo/RiskStateDemo.h"
#include "strategy/StrategyDemo.h"

namespace strata {

QString DemoWorkspace::folder()
{
    // The same folder scripts/run.sh and strata-cli use: ~/.local/share/strata/demo.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("strata/demo"));
}

QString DemoWorkspace::strategiesPath()
{
    return QDir(folder()).filePath(QStringLiteral("strategies.db"));
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
    // The demo's operator config (seed 004's config/database.yaml), written once: the operator may edit it.
    const QString config = QDir(folder()).filePath(QStringLiteral("config/database.yaml"));
    if (!QFileInfo::exists(config)) {
        QDir().mkpath(QFileInfo(config).absolutePath());
        QFile::copy(QStringLiteral(":/resources/demo/database.yaml"), config);
        QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);
    }
    if (QFileInfo::exists(config))
        target.config = config;
    return target;
}

Status DemoWorkspace::ensureStrategies()
{
    if (QFileInfo::exists(strategiesPath()))
        return {};
    auto created = StrategyDemo::createDatabase(strategiesPath(), StrategyDemo::firstLaunch());
    if (!created)
        return created.error();
    return {};
}

void DemoWorkspace::ensureStrategiesInBackground(QObject* context, std::function<void(const Status&)> done)
{
    auto result = std::make_shared<Status>();
    QThread* thread = QThread::create([result] { *result = ensureStrategies(); });
    QPointer<QObject> alive(context);
    QObject::connect(thread, &QThread::finished, thread, [thread, alive, result, done = std::move(done)] {
        thread->deleteLater();
        if (alive)
            done(*result);
    });
    thread->start();
}

} // namespace strata
