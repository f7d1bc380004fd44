// Flyway's checksum of a script, as flyway-core's ChecksumCalculator computes it (Flyway 10): CRC32 over the
// lines without their line breaks (\n, \r\n, \r), a leading byte-order mark dropped, as a signed 32-bit
// int. The expected values were computed with Python's zlib.crc32 over the same lines.

#include <QtTest>

#include "tools/flyway/FlywayChecksum.h"

using namespace strata;

class TestFlywayChecksum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksums_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<qint32>("checksum");
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("one line") << QByteArray("SELECT 1;") << 78787420;
        QTest::newRow("line break not counted") << QByteArray("SELECT 1;\n") << 78787420;
        QTest::newRow("BOM and CRLF") << QByteArray("\xEF\xBB\xBFSELECT 1;\r\n") << 78787420;
        QTest::newRow("CR, LF and CRLF alike") << QByteArray("a\rb\nc\r\n") << 891568578;
        QTest::newRow("same as the joined lines") << QByteArray("abc") << 891568578;
        QTest::newRow("negative, with an empty line") << QByteArray("a\n\nb\n") << -1635563411;
        QTest::newRow("a test migration")
            << QByteArray("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n")
            << 210114224;
    }

    void checksums()
    {
        QFETCH(QByteArray, script);
        QFETCH(qint32, checksum);
        QCOMPARE(FlywayChecksum::of(script), checksum);
    }
};

QTEST_GUILESS_MAIN(TestFlywayChecksum)
#include "tst_flyway_checksum.moc"
