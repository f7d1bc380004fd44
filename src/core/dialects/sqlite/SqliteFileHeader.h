#pragma once

#include <optional>

#include <QString>

namespace strata {

/// The first 100 bytes of a SQLite file, read without SQLite: its page size and, when the header vouches
/// for it, its page count, so that a file cut short (pages missing at the end) is told from other damage.
class SqliteFileHeader
{
public:
    /// The header of `path`; nullopt when the file cannot be read or does not start with SQLite's magic.
    static std::optional<SqliteFileHeader> read(const QString& path);

    qint64 pageSize() const { return m_pageSize; }
    /// The page count the header records (0 when the header does not vouch for it).
    qint64 pageCount() const { return m_pageCount; }
    qint64 fileSize() const { return m_fileSize; }
    /// The file holds fewer bytes than the pages its header counts.
    bool truncated() const { return m_pageCount > 0 && m_pageCount * m_pageSize > m_fileSize; }
    /// "It is truncated: ..." with the figures, or empty when it is not.
    QString truncationText() const;

private:
    qint64 m_pageSize = 0;
    qint64 m_pageCount = 0;
    qint64 m_fileSize = 0;
};

} // namespace strata
