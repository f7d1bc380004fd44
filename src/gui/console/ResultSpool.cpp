#include "console/ResultSpool.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryFile>

namespace strata {

namespace {

enum Tag : char { NullTag = 0, TextTag = 1, IntTag = 2, RealTag = 3, BytesTag = 4, BoolTag = 5 };

void putLength(QByteArray& out, quint64 n)
{
    while (n >= 0x80) {
        out.append(char((n & 0x7f) | 0x80));
        n >>= 7;
    }
    out.append(char(n));
}

quint64 takeLength(const char*& at, const char* end)
{
    quint64 n = 0;
    int shift = 0;
    while (at < end) {
        const auto byte = quint8(*at++);
        n |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            break;
        shift += 7;
    }
    return n;
}

void putBytes(QByteArray& out, Tag tag, const QByteArray& bytes)
{
    out.append(char(tag));
    putLength(out, quint64(bytes.size()));
    out.append(bytes);
}

void putValue(QByteArray& out, const QVariant& value)
{
    if (!value.isValid() || value.isNull()) {
        out.append(char(NullTag));
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: {
        out.append(char(IntTag));
        const qint64 n = value.toLongLong();
        out.append(reinterpret_cast<const char*>(&n), sizeof n);
        return;
    }
    case QMetaType::Double: {
        out.append(char(RealTag));
        const double d = value.toDouble();
        out.append(reinterpret_cast<const char*>(&d), sizeof d);
        return;
    }
    case QMetaType::Bool:
        out.append(char(BoolTag));
        out.append(char(value.toBool() ? 1 : 0));
        return;
    case QMetaType::QByteArray:
        putBytes(out, BytesTag, value.toByteArray());
        return;
    default:
        putBytes(out, TextTag, value.toString().toUtf8());
    }
}

QVariant takeValue(const char*& at, const char* end)
{
    if (at >= end)
        return {};
    const auto tag = Tag(*at++);
    switch (tag) {
    case IntTag: {
        qint64 n = 0;
        if (end - at >= qsizetype(sizeof n))
            memcpy(&n, at, sizeof n);
        at += sizeof n;
        return n;
    }
    case RealTag: {
        double d = 0;
        if (end - at >= qsizetype(sizeof d))
            memcpy(&d, at, sizeof d);
        at += sizeof d;
        return d;
    }
    case BoolTag:
        return bool(*at++);
    case TextTag:
    case BytesTag: {
        const auto n = qsizetype(takeLength(at, end));
        const QByteArray bytes(at, std::min(n, qsizetype(end - at)));
        at += n;
        return tag == TextTag ? QVariant(QString::fromUtf8(bytes)) : QVariant(bytes);
    }
    case NullTag:
        break;
    }
    return {};
}

} // namespace

ResultSpool::ResultSpool(QStringList columns)
    : m_columns(std::move(columns)),
      m_blockRows(
          int(std::clamp<qsizetype>(blockValues / std::max<qsizetype>(1, m_columns.size()), 1, maxBlockRows)))
{}

ResultSpool::~ResultSpool() = default;

Result<std::shared_ptr<ResultSpool>> ResultSpool::create(const QStringList& columns)
{
    std::shared_ptr<ResultSpool> spool(new ResultSpool(columns));
    spool->m_writer =
        std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("strata-result-XXXXXX")));
    if (!spool->m_writer->open())
        return Error::failed(
            QStringLiteral("The result could not be kept: %1 cannot be written (%2).")
                .arg(QDir::tempPath(), spool->m_writer->errorString()),
            QStringLiteral("The statement ran; nothing in the database is affected by this."),
            QStringLiteral(
                "Free space in %1 (or set TMPDIR to a folder with room) and run the statement again.")
                .arg(QDir::tempPath()));
    spool->m_path = spool->m_writer->fileName();
    spool->m_reader = std::make_unique<QFile>(spool->m_path);
    if (!spool->m_reader->open(QIODevice::ReadOnly))
        return Error::failed(QStringLiteral("The result's file %1 cannot be read back (%2).")
                                 .arg(spool->m_path, spool->m_reader->errorString()),
                             QStringLiteral("Nothing in the database is affected by this."),
                             QStringLiteral("Check the permissions of %1.").arg(QDir::tempPath()));
    return spool;
}

Status ResultSpool::append(const QList<QVariantList>& rows)
{
    QByteArray out;
    out.reserve(rows.size() * 32);
    QList<qint64> starts;
    for (const QVariantList& row : rows) {
        if (m_writerRows % m_blockRows == 0)
            starts << m_written + out.size();
        for (int c = 0; c < m_columns.size(); ++c)
            putValue(out, c < row.size() ? row.at(c) : QVariant());
        ++m_writerRows;
    }
    if (m_writer->write(out) != out.size() || !m_writer->flush())
        return Error::failed(
            QStringLiteral("The result could not be kept on disk after %1 rows: %2 (%3).")
                .arg(QLocale().toString(m_writerRows - rows.size()), m_path, m_writer->errorString()),
            QStringLiteral("The rows read so far are shown; the statement was stopped there."),
            QStringLiteral("Free space in %1, or add a WHERE or LIMIT, and run it again.")
                .arg(QDir::tempPath()));
    m_written += out.size();
    const QMutexLocker lock(&m_mutex);
    m_index << starts;
    m_rows = m_writerRows;
    return {};
}

int ResultSpool::rows() const
{
    const QMutexLocker lock(&m_mutex);
    return m_rows;
}

const QList<QVariantList>* ResultSpool::block(int index) const
{
    qint64 from = 0;
    qint64 to = -1;
    int rowsInBlock = 0;
    {
        const QMutexLocker lock(&m_mutex);
        if (index < 0 || index >= m_index.size())
            return nullptr;
        from = m_index.at(index);
        if (index + 1 < m_index.size())
            to = m_index.at(index + 1);
        rowsInBlock = std::min(m_blockRows, m_rows - index * m_blockRows);
    }
    const auto cached = m_cache.constFind(index);
    if (cached != m_cache.cend() && cached->size() == rowsInBlock) {
        m_recent.removeOne(index);
        m_recent << index;
        return &*cached;
    }
    // The last block may still grow: it is read again once it has more rows than the cached copy.
    if (to < 0) {
        m_reader->seek(from);
        to = m_reader->size();
    }
    m_reader->seek(from);
    const QByteArray bytes = m_reader->read(to - from);
    QList<QVariantList> block;
    block.reserve(rowsInBlock);
    const char* at = bytes.constData();
    const char* end = at + bytes.size();
    for (int r = 0; r < rowsInBlock && at < end; ++r) {
        QVariantList row;
        row.reserve(m_columns.size());
        for (int c = 0; c < m_columns.size(); ++c)
            row << takeValue(at, end);
        block << std::move(row);
    }
    m_recent.removeOne(index);
    m_recent << index;
    while (m_recent.size() > cachedBlocks)
        m_cache.remove(m_recent.takeFirst());
    return &*m_cache.insert(index, std::move(block));
}

QVariant ResultSpool::value(int row, int column) const
{
    const QList<QVariantList>* rows = block(row / m_blockRows);
    if (!rows)
        return {};
    return rows->value(row % m_blockRows).value(column);
}

int ResultSpool::cachedRows() const
{
    int n = 0;
    for (const QList<QVariantList>& rows : m_cache)
        n += int(rows.size());
    return n;
}

qint64 ResultSpool::indexBytes() const
{
    const QMutexLocker lock(&m_mutex);
    return m_index.size() * qint64(sizeof(qint64));
}

qint64 ResultSpool::fileBytes() const
{
    return m_reader ? m_reader->size() : 0;
}

} // namespace strata
