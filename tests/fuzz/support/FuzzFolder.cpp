#include "FuzzFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "FuzzCheck.h"

namespace strata::fuzz {

FuzzFolder::FuzzFolder() : m_dir(QDir::tempPath() + QStringLiteral("/input-XXXXXX"))
{
    check(m_dir.isValid(), "cannot create a folder under TMPDIR for the input");
}

bool FuzzFolder::write(const QString& relative, const QByteArray& bytes) const
{
    static const QRegularExpression plainName(QStringLiteral("^[A-Za-z0-9_.-]{1,80}$"));
    const QStringList parts = relative.split(QLatin1Char('/'));
    const bool folderOnly = relative.endsWith(QLatin1Char('/'));
    if (parts.size() > 2 || (folderOnly && parts.size() != 2))
        return false;
    for (qsizetype i = 0; i < parts.size() - (folderOnly ? 1 : 0); ++i) {
        const QString& part = parts[i];
        if (!plainName.match(part).hasMatch() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    if (parts.size() == 2 && !QDir(path()).mkpath(parts.first()))
        return false;
    if (folderOnly)
        return true;
    QFile file(filePath(relative));
    if (QFileInfo(file).isDir() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

int FuzzFolder::writeFiles(const QByteArray& input, int maxFiles) const
{
    static const QByteArray marker = QByteArrayLiteral("=== ");
    int written = 0;
    QString name;
    QByteArray contents;
    bool inFile = false;
    auto flush = [&] {
        if (inFile && written < maxFiles && write(name, contents))
            ++written;
    };
    for (const QByteArray& line : input.split('\n')) {
        if (line.startsWith(marker)) {
            flush();
            name = QString::fromUtf8(line.mid(marker.size())).trimmed();
            contents.clear();
            inFile = true;
        } else if (inFile) {
            contents += line + '\n';
        }
    }
    flush();
    return written;
}

} // namespace strata::fuzz
