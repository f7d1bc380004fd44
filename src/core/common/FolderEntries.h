#pragma once

#include <QList>
#include <QString>

namespace strata {

/// The files and folders directly inside a folder, as QDir lists them with
/// `Files | Dirs | NoDotAndDotDot | Hidden` sorted by `Name`: hidden entries included, a symbolic link taken
/// as what it points to, and a broken link, a socket, a pipe or a device left out. Read with readdir, whose
/// entry types spare a stat per file: a migration folder of 1,000 files is listed on every command.
class FolderEntries
{
public:
    struct Entry
    {
        QString name;
        bool isDir = false;
    };

    /// The entries of `folder`, by name (case-sensitive, as QDir::Name); Qt resource folders (":/...") too.
    static QList<Entry> list(const QString& folder);
};

} // namespace strata
