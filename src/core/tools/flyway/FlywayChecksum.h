#pragma once

#include <QByteArray>

namespace strata {

/// Flyway's checksum of a migration script (flyway-core ChecksumCalculator, Flyway 10): CRC32 over the
/// script's lines without their line breaks (\n, \r\n or \r, as Java's BufferedReader.readLine splits
/// them), each line's UTF-8 bytes, a byte-order mark at the start dropped; stored as a signed 32-bit int.
class FlywayChecksum
{
public:
    static qint32 of(const QByteArray& bytes);
};

} // namespace strata
