#include "tools/alembic/AlembicProject.h"

#include <QDir>
#include <QFileInfo>

#include "tools/alembic/AlembicConfig.h"
#include "tools/alembic/AlembicRevisionFile.h"

namespace strata {

namespace {

const QString kIni = QStringLiteral("alembic.ini");

/// With `sourceless = true` Alembic 1.8 also loads compiled revisions (.pyc, .pyo) that have no .py beside
/// them; Strata reads sources only, so such a file is refused rather than skipped.
Status checkSourceless(const QString& root, const QString& folder)
{
    const QDir dir(folder);
    QFileInfoList compiled =
        dir.entryInfoList({QStringLiteral("*.pyc"), QStringLiteral("*.pyo")}, QDir::Files);
    compiled += QDir(dir.filePath(QStringLiteral("__pycache__")))
                    .entryInfoList({QStringLiteral("*.pyc"), QStringLiteral("*.pyo")}, QDir::Files);
    for (const QFileInfo& f : compiled) {
        const QString module = f.fileName().section(QLatin1Char('.'), 0, 0);
        if (!dir.exists(module + QStringLiteral(".py")) && !module.startsWith(QLatin1String("__init__")))
            return Error::badInput(
                QStringLiteral("%1 is a compiled Alembic revision without its source (the project sets "
                               "sourceless = true); Strata reads revisions from their .py source.")
                    .arg(QDir(root).relativeFilePath(f.absoluteFilePath())),
                QStringLiteral("Put the revision's .py file back in the versions folder."));
    }
    return {};
}

} // namespace

bool AlembicProject::recognises(const QString& folder)
{
    const QDir dir(folder);
    if (QFileInfo(dir.filePath(kIni)).isFile())
        return true;
    return QFileInfo(dir.filePath(QStringLiteral("env.py"))).isFile() &&
           QFileInfo(dir.filePath(QStringLiteral("versions"))).isDir();
}

Result<AlembicProject> AlembicProject::load(const QString& folder)
{
    AlembicProject project;
    project.root = QFileInfo(folder).absoluteFilePath();
    const QDir root(project.root);
    bool sourceless = false;
    if (QFileInfo(root.filePath(kIni)).isFile()) {
        auto config = AlembicConfig::load(root.filePath(kIni));
        if (!config)
            return config.error();
        project.iniPath = config->path;
        project.scriptLocation = config->scriptLocation();
        auto locations = config->versionLocations();
        if (!locations)
            return locations.error();
        project.versionFolders = *locations;
        sourceless = config->flag(QStringLiteral("sourceless"));
        if (!QFileInfo(project.scriptLocation).isDir())
            return Error::badInput(
                QStringLiteral("%1 names script_location %2, which is no folder.")
                    .arg(kIni, QDir(project.root).relativeFilePath(project.scriptLocation)),
                QStringLiteral("Point script_location at the folder that holds env.py and versions/."));
    } else {
        project.scriptLocation = project.root;
    }
    if (project.versionFolders.isEmpty())
        project.versionFolders << QDir(project.scriptLocation).filePath(QStringLiteral("versions"));

    for (const QString& folderPath : std::as_const(project.versionFolders)) {
        const QDir versions(folderPath);
        if (!versions.exists()) {
            if (project.versionFolders.size() > 1)
                continue; // Alembic skips version_locations that do not exist
            return Error::badInput(
                QStringLiteral("The Alembic project %1 has no versions folder (%2).")
                    .arg(project.root, root.relativeFilePath(folderPath)),
                QStringLiteral(
                    "Create it (`alembic revision -m \"...\"` writes the first revision there), or "
                    "point Strata at the folder holding alembic.ini."));
        }
        if (sourceless)
            if (auto s = checkSourceless(project.root, folderPath); !s)
                return s.error();
        // Alembic 1.8.1 lists the folder itself, not its subfolders, and loads the files whose name matches.
        for (const QFileInfo& f : versions.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString relative = root.relativeFilePath(f.absoluteFilePath());
            if (!AlembicRevisionFile::isRevisionFileName(f.fileName())) {
                project.ignored << relative;
                continue;
            }
            auto revision = AlembicRevisionFile::read(f.absoluteFilePath(), relative);
            if (!revision)
                return revision.error();
            project.revisions << *revision;
        }
    }
    auto graph = AlembicGraph::build(project.revisions);
    if (!graph)
        return graph.error();
    project.graph = *graph;
    return project;
}

} // namespace strata
