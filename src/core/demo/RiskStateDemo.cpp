#include "demo/RiskStateDemo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "common/TextFile.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "migrations/MigrationSetLoader.h"

namespace strata {

QString RiskStateDemo::bundledSet()
{
    return QStringLiteral(":/migrations/risk_state");
}

Status RiskStateDemo::create(const QString& path, qint64 historyRows)
{
    if (QFileInfo::exists(path))
        return Error::badInput(QStringLiteral("%1 already exists.").arg(path),
                               QStringLiteral("Pick another path, or remove the file if it is an old demo."));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::badInput(QStringLiteral("Cannot create the folder of %1.").arg(path),
                               QStringLiteral("Check the permissions of its parent folder."));
    auto set = MigrationSetLoader::load(bundledSet());
    if (!set)
        return set.error();
    auto data = TextFile::read(QStringLiteral(":/resources/demo/risk_state_v1_demo.sql"));
    if (!data)
        return data.error();
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return Error::badInput(QStringLiteral("Cannot create %1: %2.").arg(path, file.errorString()),
                                   QStringLiteral("Check the folder's permissions."));
    }
    auto fail = [&path](const Error& error) {
        QFile::remove(path);
        return error.withUnchanged(QStringLiteral("Nothing was left at %1.").arg(path));
    };
    auto db = SqliteDatabase::open(path);
    if (!db)
        return fail(db.error());
    if (auto begun = (*db)->begin(); !begun)
        return fail(begun.error());
    for (const auto& step : set->stepsFor(Dialect::Sqlite)) {
        if (step.version > set->manifest.baseline.version)
            break;
        if (auto ran = (*db)->runScript(step.forwardScript(), true); !ran)
            return fail(ran.error());
    }
    if (auto ran = (*db)->runScript({data->path, data->bytes, 1}, true); !ran)
        return fail(ran.error());
    if (historyRows > 0) {
        auto history = TextFile::read(QStringLiteral(":/resources/demo/risk_state_v1_history.sql"));
        if (!history)
            return fail(history.error());
        QByteArray sql = history->bytes;
        sql.replace(":rows", QByteArray::number(historyRows));
        if (auto ran = (*db)->runScript({history->path, sql, 1}, true); !ran)
            return fail(ran.error());
    }
    if (auto committed = (*db)->commit(); !committed)
        return fail(committed.error());
    return {};
}

} // namespace strata
