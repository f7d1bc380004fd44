#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "tools/alembic/AlembicGraph.h"
#include "tools/alembic/AlembicRevision.h"

namespace strata {

/// An Alembic project on disk: a folder holding alembic.ini (whose script_location names the folder with
/// env.py and versions/), or the script folder itself (env.py and versions/). Read without running Python.
struct AlembicProject
{
    QString root;               ///< absolute: the folder Strata was given; revision paths are relative to it
    QString iniPath;            ///< absolute path of alembic.ini; empty when the folder is the script folder
    QString scriptLocation;     ///< absolute: the folder holding env.py
    QStringList versionFolders; ///< absolute: version_locations, else <script_location>/versions
    QList<AlembicRevision> revisions; ///< in file name order
    AlembicGraph graph;
    /// Files of the versions folders that Alembic does not load (`__init__.py`, not `.py`), relative to root.
    QStringList ignored;

    /// Whether `folder` holds alembic.ini, or env.py and a versions folder.
    static bool recognises(const QString& folder);
    /// Reads every revision file and builds the graph; any bad file or graph is bad input naming the files.
    static Result<AlembicProject> load(const QString& folder);
};

} // namespace strata
