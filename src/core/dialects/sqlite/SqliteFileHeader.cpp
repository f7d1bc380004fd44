#include "dialects/sqlite/SqliteFileHeader.h"

#include <QFile>

#include "common/Counted.h"

namespace strata {

namespace {

quint32 bigEndian(const QByteArray& bytes, int offset, int size)
{
    quint32 value = 0;
    for (int i = 0; i < size; ++i)
        value = (value << 8) | static_cast<quint8>(bytes.at(offset + i));
    return value;
}

} // namespace

std::optional<SqliteFileHeader> SqliteFileHeader::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return std::nullopt;
    SqliteFileHeader result;
    result.m_fileSize = file.size();
    // Offset 16: the page size, big-endian; 1 means 65536.
    const quint32 pageSize = bigEndian(header, 16, 2);
    result.m_pageSize = pageSize == 1 ? 65536 : pageSize;
    if (result.m_pageSize < 512 || (result.m_pageSize & (result.m_pageSize - 1)) != 0)
        return std::nullopt;
    // Offset 28: the page count, valid only when the change counter (24) equals version-valid-for (92).
    if (bigEndian(header, 24, 4) == bigEndian(header, 92, 4))
        result.m_pageCount = bigEndian(header, 28, 4);
    return result;
}

QString SqliteFileHeader::truncationText() const
{
    if (!truncated())
        return {};
    const qint64 expected = m_pageCount * m_pageSize;
    return QStringLiteral("It is truncated: its header counts %1 of %2 bytes (%3 bytes), and the file holds "
                          "%4 bytes; the last %5 are missing.")
        .arg(counted(m_pageCount, QStringLiteral("page"), QStringLiteral("pages")))
        .arg(m_pageSize)
        .arg(expected)
        .arg(m_fileSize)
        .arg(counted((expected - m_fileSize + m_pageSize - 1) / m_pageSize, QStringLiteral("page"),
                     QStringLiteral("pages")));
}

} // namespace strata
