#pragma once

#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QSet>

#include "browse/BrowseFilter.h"
#include "browse/BrowseOptions.h"
#include "browse/BrowseQuery.h"
#include "browse/PageCache.h"
#include "browse/PageFetch.h"
#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "schema/TableInfo.h"

namespace strata {

class KeyAnchors;
class PageFetcher;
class PageRequestQueue;
class RowScanner;

/// The rows of one table, of any size, for a grid. Pages are read on a worker thread with a connection of
/// its own; data() for a row not yet read is empty and asks for its page, and dataChanged follows when it
/// arrives. At most a bounded number of pages is held. The row count is the engine's estimate at once and
/// the exact count when a second worker has counted (or, with a filter, once the rows are known).
///
/// Sorting is by key only: the primary key, or an indexed NOT NULL column followed by the key, so that
/// every page is an index seek. Results of a previous sort or filter are discarded by generation.
class TableBrowseModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< the value as read; invalid for NULL and for rows not read yet
        IsNullRole,
        IsLoadedRole,
    };
    enum class CountState { Unknown, Estimated, Exact };

    TableBrowseModel(ConnectionUrl url, TableInfo table, BrowseOptions options = {},
                     QObject* parent = nullptr);
    ~TableBrowseModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Column -1: the key's own order. A column that cannot be sorted by key is refused (failed()).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    const TableInfo& table() const { return m_table; }
    QList<int> sortableColumns() const { return m_sortable; }
    bool isSortable(int column) const { return m_sortable.contains(column); }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_order; }
    /// Applies a filter; a filter that cannot run is returned as the error and changes nothing.
    Status setFilter(const BrowseFilter& filter);
    BrowseFilter filter() const { return m_filter; }
    /// Reads everything again (after an error, or after the table changed).
    void reload();

    /// Starts the exact count if it is neither known nor running.
    void countExactly();
    /// Stops the count (and the anchor scan): Database::interrupt on the scanning connection.
    void cancelCount();
    bool isCounting() const { return m_scanning && m_countState != CountState::Exact; }
    /// The count or the anchor scan is running.
    bool isScanning() const { return m_scanning; }
    CountState countState() const { return m_countState; }
    qint64 knownRows() const { return m_rows; }
    /// "≈10,000,000 rows (estimate)", "10,000,000 rows", "at least 200 rows match".
    QString countText() const;
    /// "Keyset paging by id", or the warning that this table is read with OFFSET.
    QString pagingText() const { return m_query ? m_query->pagingText() : QString(); }
    bool offsetPaging() const { return m_query && !m_query->hasKey(); }
    std::optional<Error> lastError() const { return m_error; }

    bool isRowLoaded(int row) const;
    qint64 lastFetchMicros() const { return m_lastFetchMicros; }
    int cachedPages() const { return m_cache.size(); }
    qint64 cachedBytes() const { return m_cache.bytes(); }
    int pendingPages() const { return int(m_pending.size()); }
    qint64 staleResultsDiscarded() const { return m_stale; }
    const BrowseOptions& options() const { return m_options; }

Q_SIGNALS:
    void countChanged();
    void countingChanged(bool counting);
    void pageFetched(const strata::PageFetch& fetch);
    void failed(const strata::Error& error);

private:
    void startGeneration();
    void startScan();
    void requestPage(int page) const;
    void pageArrived(PageFetch fetch);
    void estimateArrived(qint64 estimate);
    void counted(quint64 generation, qint64 rows);
    void scanEnded(quint64 generation, const std::optional<Error>& error);
    void setRows(qint64 rows);
    void setExact(qint64 rows);
    void report(const Error& error);

    ConnectionUrl m_url;
    TableInfo m_table;
    BrowseOptions m_options;
    QList<int> m_sortable;
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    BrowseFilter m_filter;
    std::shared_ptr<const BrowseQuery> m_query;
    std::shared_ptr<KeyAnchors> m_anchors;
    quint64 m_generation = 1;

    qint64 m_rows = 0;
    CountState m_countState = CountState::Unknown;
    qint64 m_estimate = -1;
    qint64 m_unfilteredExact = -1;
    bool m_scanning = false;
    std::optional<Error> m_error;
    qint64 m_lastFetchMicros = -1;
    qint64 m_stale = 0;

    mutable PageCache m_cache;
    mutable QSet<int> m_pending; ///< pages queued or being read, this generation
    std::shared_ptr<PageRequestQueue> m_queue;
    std::unique_ptr<PageFetcher> m_fetcher;
    std::unique_ptr<RowScanner> m_scanner;
};

} // namespace strata
