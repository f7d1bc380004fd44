#include "sessions/SqliteWalState.h"

#include <cstring>

#include <QFile>
#include <QLocale>
#include <QThread>

namespace strata {

namespace {

// The wal-index header (walformat.html §2.1): two copies of a 48-byte WalIndexHdr, then the 40-byte
// WalCkptInfo. Written in the host's byte order by the connections that map it.
constexpr int kIndexHeaderCopy = 48;
constexpr int kCheckpointInfo = 96;
constexpr int kIndexHeaderBytes = 136;
constexpr quint32 kIndexVersion = 3007000;

quint32 native32(const QByteArray& bytes, int offset)
{
    quint32 value = 0;
    std::memcpy(&value, bytes.constData() + offset, sizeof value);
    return value;
}

quint16 native16(const QByteArray& bytes, int offset)
{
    quint16 value = 0;
    std::memcpy(&value, bytes.constData() + offset, sizeof value);
    return value;
}

quint32 bigEndian32(const QByteArray& bytes, int offset)
{
    const auto* b = reinterpret_cast<const uchar*>(bytes.constData() + offset);
    return (quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8) | quint32(b[3]);
}

} // namespace

QString SqliteWalState::summary() const
{
    if (!walExists)
        return QStringLiteral("no write-ahead log file");
    QString text = QStringLiteral("%1 log").arg(
        QLocale().formattedDataSize(walBytes, 1, QLocale::DataSizeTraditionalFormat));
    if (indexValid)
        text += QStringLiteral(" · %1 frames, %2 copied back (%3 to checkpoint)")
                    .arg(mxFrame)
                    .arg(nBackfill)
                    .arg(framesToCheckpoint());
    else if (!indexProblem.isEmpty())
        text += QStringLiteral(" · %1").arg(indexProblem);
    return text + QStringLiteral(" · checkpoint sequence %1").arg(walCheckpointSequence);
}

SqliteWalState SqliteWalState::read(const QString& databasePath)
{
    SqliteWalState state;
    QFile wal(databasePath + QStringLiteral("-wal"));
    state.walExists = wal.exists();
    if (state.walExists) {
        state.walBytes = wal.size();
        if (wal.open(QIODevice::ReadOnly)) {
            const QByteArray header = wal.read(32); // magic, version, page size, checkpoint sequence, ...
            if (header.size() == 32)
                state.walCheckpointSequence = bigEndian32(header, 12);
        }
    }
    QFile shm(databasePath + QStringLiteral("-shm"));
    state.shmExists = shm.exists();
    if (!state.shmExists) {
        state.indexProblem = QStringLiteral("no shared wal-index (-shm): no connection has the log open");
        return state;
    }
    if (!shm.open(QIODevice::ReadOnly)) {
        state.indexProblem = QStringLiteral("the -shm file cannot be read: %1").arg(shm.errorString());
        return state;
    }
    // A writer updates the two copies one after the other, without any lock a reader of the file could
    // take: a read that finds them different caught it in the middle, and is tried again.
    for (int attempt = 0; attempt < 20; ++attempt) {
        shm.seek(0);
        const QByteArray header = shm.read(kIndexHeaderBytes);
        if (header.size() < kIndexHeaderBytes) {
            state.indexProblem = QStringLiteral("the -shm file is shorter than a wal-index header");
            return state;
        }
        if (std::memcmp(header.constData(), header.constData() + kIndexHeaderCopy, kIndexHeaderCopy) != 0) {
            QThread::usleep(500);
            continue;
        }
        if (header.at(12) != 1) { // isInit: a file no connection has set up (all zero) says nothing
            state.indexProblem =
                QStringLiteral("the wal-index is not initialised: no connection uses the log");
            return state;
        }
        state.indexVersion = native32(header, 0);
        if (state.indexVersion != kIndexVersion) {
            state.indexProblem =
                QStringLiteral("wal-index version %1, which Strata does not read (it reads %2)")
                    .arg(state.indexVersion)
                    .arg(kIndexVersion);
            return state;
        }
        const quint16 page = native16(header, 14); // 65536 is kept as 1
        state.pageSize = (page & 0xfe00) + (quint32(page & 0x0001) << 16);
        state.mxFrame = native32(header, 16);
        state.databasePages = native32(header, 20);
        state.nBackfill = native32(header, kCheckpointInfo);
        state.nBackfillAttempted = native32(header, kCheckpointInfo + 32);
        state.indexValid = true;
        state.indexProblem.clear();
        return state;
    }
    state.indexProblem = QStringLiteral("the wal-index header kept changing while it was read");
    return state;
}

} // namespace strata
