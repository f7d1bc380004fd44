#include "tools/alembic/AlembicStepRunner.h"

#include <QDir>
#include <QFileInfo>

namespace strata {

AlembicStepRunner::AlembicStepRunner(Database& db, const MigrationSet& set) : m_db(db), m_set(set) {}

bool AlembicStepRunner::runs(const MigrationStep& step)
{
    return step.layout == QLatin1String("alembic");
}

QString AlembicStepRunner::iniPath(const MigrationSet& set)
{
    QDir folder(set.root);
    for (int up = 0; up < 3; ++up) {
        if (QFileInfo::exists(folder.filePath(QStringLiteral("alembic.ini"))))
            return folder.filePath(QStringLiteral("alembic.ini"));
        if (!folder.cdUp())
            break;
    }
    return QDir(set.root).filePath(QStringLiteral("alembic.ini"));
}

Result<QString> AlembicStepRunner::check()
{
    if (!m_runner) {
        const QString ini = iniPath(m_set);
        if (!QFileInfo::exists(ini) &&
            !QFileInfo::exists(QDir(m_set.root).filePath(QStringLiteral("env.py"))))
            return Error::badInput(
                QStringLiteral("The Alembic project in %1 has no alembic.ini.").arg(m_set.root),
                QStringLiteral("Point Strata at the folder that holds the project's alembic.ini."));
        auto python = AlembicPython::find(QFileInfo(ini).absolutePath(), m_db.dialect());
        if (!python)
            return python.error();
        // Without alembic.ini, Alembic is given the script folder (env.py and versions/) itself.
        m_runner.emplace(*python, QFileInfo::exists(ini) ? ini : m_set.root, m_db);
        m_description = python->describe();
    }
    return m_description;
}

Result<AlembicRunner::Outcome> AlembicStepRunner::run(AlembicRunner::Direction direction,
                                                      const MigrationStep& step,
                                                      const AlembicRunner::LineHandler& onLine)
{
    if (auto found = check(); !found)
        return found.error();
    const QString revision = step.toolVersion.isEmpty() ? step.versionName : step.toolVersion;
    return m_runner->run(direction, revision, onLine);
}

Result<AlembicRunner::Outcome> AlembicStepRunner::apply(const MigrationStep& step,
                                                        const AlembicRunner::LineHandler& onLine)
{
    return run(AlembicRunner::Direction::Upgrade, step, onLine);
}

Result<AlembicRunner::Outcome> AlembicStepRunner::rollback(const MigrationStep& step,
                                                           const AlembicRunner::LineHandler& onLine)
{
    return run(AlembicRunner::Direction::Downgrade, step, onLine);
}

} // namespace strata
