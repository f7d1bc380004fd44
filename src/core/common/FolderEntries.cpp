#include "common/FolderEntries.h"

#include <algorithm>

#include <QDir>
#include <QFile>

#include <dirent.h>
#include <sys/stat.h>

namespace strata {

namespace {

QList<FolderEntries::Entry> listWithQt(const QString& folder)
{
    QList<FolderEntries::Entry> entries;
    const auto infos = QDir(folder).entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo& info : infos)
        entries.append({info.fileName(), info.isDir()});
    return entries;
}

} // namespace

QList<FolderEntries::Entry> FolderEntries::list(const QString& folder)
{
    if (folder.startsWith(QLatin1Char(':')) || folder.startsWith(QLatin1String("qrc:")))
        return listWithQt(folder);
    const QByteArray path = QFile::encodeName(folder);
    DIR* dir = ::opendir(path.constData());
    if (!dir)
        return listWithQt(folder); // let QDir decide what an unreadable folder lists (nothing)
    QList<Entry> entries;
    while (const dirent* found = ::readdir(dir)) {
        const char* name = found->d_name;
        if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
            continue;
        bool isDir = false;
        if (found->d_type == DT_REG) {
            isDir = false;
        } else if (found->d_type == DT_DIR) {
            isDir = true;
        } else if (found->d_type == DT_LNK || found->d_type == DT_UNKNOWN) {
            struct stat st = {};
            if (::fstatat(::dirfd(dir), name, &st, 0) != 0)
                continue; // a broken link: QDir leaves it out without QDir::System
            if (S_ISDIR(st.st_mode))
                isDir = true;
            else if (!S_ISREG(st.st_mode))
                continue;
        } else {
            continue; // sockets, pipes, devices
        }
        entries.append({QFile::decodeName(name), isDir});
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name.compare(b.name) < 0; });
    return entries;
}

} // namespace strata
