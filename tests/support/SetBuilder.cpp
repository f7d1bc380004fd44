#include "SetBuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace strata::test {

SetBuilder::SetBuilder() = default;

SetBuilder& SetBuilder::file(const QString& relativePath, const QByteArray& bytes)
{
    const QString path = QDir(m_dir.path()).filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
    return *this;
}

SetBuilder& SetBuilder::remove(const QString& relativePath)
{
    QFile::remove(QDir(m_dir.path()).filePath(relativePath));
    return *this;
}

QString bundledSet(const QString& name)
{
    return QStringLiteral(STRATA_SOURCE_DIR "/migrations/") + name;
}

} // namespace strata::test
