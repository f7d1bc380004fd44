#include "tools/flyway/FlywayChecksum.h"

#include <array>

namespace strata {

namespace {

const std::array<quint32, 256>& crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    return table;
}

/// Continues a CRC32 (java.util.zip.CRC32.update) over `data`.
quint32 update(quint32 crc, const char* data, qsizetype size)
{
    const auto& table = crcTable();
    crc = ~crc;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ static_cast<quint8>(data[i])) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

} // namespace

qint32 FlywayChecksum::of(const QByteArray& bytes)
{
    quint32 crc = 0;
    qsizetype start = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype n = bytes.size();
    while (start < n) {
        qsizetype end = start;
        while (end < n && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        crc = update(crc, bytes.constData() + start, end - start);
        if (end < n && bytes[end] == '\r' && end + 1 < n && bytes[end + 1] == '\n')
            ++end;
        start = end + 1;
    }
    return static_cast<qint32>(crc);
}

} // namespace strata
