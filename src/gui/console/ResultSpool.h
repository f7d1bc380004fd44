#pragma once

#include <algorithm>
#include <memory>

#include <QHash>
#include <QList>
#include <QMutex>
#include <QStringList>
#include <QVariant>

#include "common/Result.h"

class QFile;
class QTemporaryFile;

namespace strata {

/// The rows of one console result, however many, kept in a temporary file instead of memory: the worker
/// appends each batch as it arrives, the grid reads back the rows it shows. A sparse index holds the file
/// offset of every blockRows()-th row, and a few recently read blocks stay in memory, so ten million rows
/// cost a few hundred kilobytes of index and the same cache as ten. Values keep their type: NULL stays NULL,
/// bytes stay bytes. The file is removed when the spool goes.
///
/// append() is called on one thread (the console's worker), everything else on another (the GUI); rows()
/// counts only rows whose bytes are in the file, so a reader never sees half a batch.
class ResultSpool
{
public:
    static constexpr int maxBlockRows = 256;
    static constexpr int cachedBlocks = 32;
    /// Values a block holds at most: a result of thousands of columns gets blocks of fewer rows, so the
    /// cache stays a few megabytes however wide the rows are.
    static constexpr int blockValues = 65536;

    /// Creates the file in the system's temporary folder; error when it cannot (a full or read-only /tmp).
    static Result<std::shared_ptr<ResultSpool>> create(const QStringList& columns);
    ~ResultSpool();
    ResultSpool(const ResultSpool&) = delete;
    ResultSpool& operator=(const ResultSpool&) = delete;

    const QStringList& columns() const { return m_columns; }
    /// Rows a block holds (and the index's step): 256, fewer for wide rows.
    int blockRows() const { return m_blockRows; }
    /// Values held in memory (the cache), for the bounded-memory check.
    qint64 cachedValues() const { return qint64(cachedRows()) * std::max<qsizetype>(1, m_columns.size()); }
    /// Writer: appends rows and makes them readable. An error (disk full) says what to do; rows before it
    /// stay readable.
    Status append(const QList<QVariantList>& rows);

    /// Rows readable now.
    int rows() const;
    /// One value; an invalid QVariant for NULL. Reads the row's block into the cache when needed.
    QVariant value(int row, int column) const;
    /// Rows held in memory (the cache), for the bounded-memory check.
    int cachedRows() const;
    /// Bytes of the sparse index (one offset per block).
    qint64 indexBytes() const;
    qint64 fileBytes() const;
    QString path() const { return m_path; }

private:
    explicit ResultSpool(QStringList columns);
    const QList<QVariantList>* block(int index) const;

    QStringList m_columns;
    int m_blockRows = maxBlockRows;
    QString m_path;
    std::unique_ptr<QTemporaryFile> m_writer;
    qint64 m_written = 0;   ///< writer: bytes in the file
    int m_writerRows = 0;   ///< writer: rows in the file
    mutable QMutex m_mutex; ///< guards m_index and m_rows between the writer and the reader
    QList<qint64> m_index;  ///< file offset of rows 0, blockRows, 2*blockRows...
    int m_rows = 0;

    mutable std::unique_ptr<QFile> m_reader;
    mutable QHash<int, QList<QVariantList>> m_cache;
    mutable QList<int> m_recent; ///< cached blocks, least recently used first
};

} // namespace strata
