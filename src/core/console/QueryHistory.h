#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// A statement run in the console, as the history keeps it.
struct HistoryEntry
{
    QDateTime at;      ///< UTC
    QString statement; ///< with its secrets taken out
    bool ok = true;
    qint64 rows = -1; ///< rows returned, or affected by a write; -1 unknown
    qint64 micros = 0;
    QString error; ///< the first line of the error when it failed
};

/// The statements run on one database, newest first, kept without secrets (SecretRedactor) in a JSON-lines
/// file of its own under Strata's data folder, so that the desktop app and the command line share it.
/// The file keeps the last kKeep statements.
class QueryHistory
{
public:
    static constexpr int kKeep = 5000;

    explicit QueryHistory(const ConnectionUrl& url);

    Status add(HistoryEntry entry);
    /// Entries whose statement contains every word of `search` (any case), newest first, at most `limit`.
    QList<HistoryEntry> entries(const QString& search = {}, int limit = 500) const;
    QString path() const { return m_path; }
    /// The folder that holds the histories and the operations log.
    static QString folder();

private:
    QString m_path;
};

} // namespace strata
