#pragma once

#include <QString>

namespace strata {

/// The write-ahead log of a SQLite database as another process sees it, read without taking any lock and
/// without running a checkpoint: the -wal file's size and header, and the -shm wal-index header that the
/// connections share (https://www.sqlite.org/walformat.html). The wal-index format read here is version
/// 3007000, the one SQLite has used from 3.7.0 (2010) to this day; another version is reported, not read.
struct SqliteWalState
{
    bool walExists = false;
    qint64 walBytes = 0;
    quint32 walCheckpointSequence = 0; ///< from the -wal header: checkpoints that restarted the log
    bool shmExists = false;
    bool indexValid = false; ///< the -shm header was read whole and consistent (both copies agree)
    QString indexProblem;    ///< why it was not, in the operator's words
    quint32 indexVersion = 0;
    quint32 pageSize = 0;
    quint32 mxFrame = 0;            ///< frames of committed transactions in the log
    quint32 nBackfill = 0;          ///< of those, frames already copied back into the database file
    quint32 nBackfillAttempted = 0; ///< frames a checkpoint has tried to copy back
    quint32 databasePages = 0;      ///< the database's size in pages after the log's last commit

    /// Frames written to the log and not yet copied back into the database.
    quint32 framesToCheckpoint() const { return mxFrame > nBackfill ? mxFrame - nBackfill : 0; }
    /// "3.2 MB log · 812 frames, 800 copied back (12 to checkpoint) · checkpoint sequence 4".
    QString summary() const;

    /// Reads the state of `databasePath`'s log (`databasePath`-wal, -shm). Never fails: what it cannot
    /// read it says in indexProblem.
    static SqliteWalState read(const QString& databasePath);
};

} // namespace strata
