#include "tools/ToolLayout.h"

#include <QDir>

#include "common/TextFile.h"

namespace strata {

LayoutFile::LayoutFile(QString root, QString relativePath, bool isDir)
    : m_root(std::move(root)), m_relativePath(std::move(relativePath)), m_isDir(isDir)
{}

QString LayoutFile::fileName() const
{
    const qsizetype slash = m_relativePath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? m_relativePath : m_relativePath.mid(slash + 1);
}

QString LayoutFile::absolutePath() const
{
    return QDir(m_root).filePath(m_relativePath);
}

Result<QByteArray> LayoutFile::bytes() const
{
    if (!m_bytes) {
        auto file = TextFile::read(absolutePath());
        if (file)
            m_bytes = Result<QByteArray>(std::move(file->bytes));
        else
            m_bytes = Result<QByteArray>(file.error());
    }
    return *m_bytes;
}

} // namespace strata
