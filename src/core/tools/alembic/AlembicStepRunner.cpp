#include "tools/alembic/AlembicStepRunner.h"

#include <QDir>
#include <QFileInfo>

#include "tools/alembic/AlembicConfig.h"

namespace strata {

AlembicStepRunner::AlembicStepRunner(Database& db, const MigrationSet& set) : m_db(db), m_set(set) {}

bool AlembicStepRunner::runs(const MigrationStep& step)
{
    return step.layout == QLatin1String("alembic");
}

QString AlembicStepRunner::iniPath(const MigrationSet& set)
{
    const QDir root(set.root);
    if (QFileInfo::exists(root.filePath(QStringLiteral("alembic.ini"))))
        return root.filePath(QStringLiteral("alembic.ini"));
    // A set rooted at the script folder (env.py, versions/): the alembic.ini above it whose script_location
    // is this folder, and no other (a monorepo's other project must not run its env.py here).
    QDir parent(set.root);
    if (parent.cdUp()) {
        const QString candidate = parent.filePath(QStringLiteral("alembic.ini"));
        if (auto config = AlembicConfig::load(candidate);
            config && QFileInfo(config->scriptLocation()).canonicalFilePath() ==
                          QFileInfo(set.root).canonicalFilePath())
            return candidate;
    }
    return root.filePath(QStringLiteral("alembic.ini"));
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
