#include "browse/TableBrowseModel.h"

#include <algorithm>
#include <limits>

#include <QMetaObject>

#include "browse/BrowseText.h"
#include "browse/KeyAnchors.h"
#include "browse/PageFetcher.h"
#include "browse/PageRequestQueue.h"
#include "browse/RowScanner.h"

namespace strata {

TableBrowseModel::TableBrowseModel(ConnectionUrl url, TableInfo table, BrowseOptions options, QObject* parent)
    : QAbstractTableModel(parent), m_url(std::move(url)), m_table(std::move(table)), m_options(options),
      m_cache(options.maxCachedPages, options.maxCachedBytes),
      m_queue(std::make_shared<PageRequestQueue>(options.maxQueuedPages))
{
    qRegisterMetaType<strata::Error>("strata::Error");
    qRegisterMetaType<strata::PageFetch>("strata::PageFetch");
    m_options.pageSize = std::max(1, m_options.pageSize);
    m_sortable = BrowseQuery::sortableColumns(m_url.dialect(), m_table);
    m_estimate = m_table.estimatedRows;
    auto query = BrowseQuery::make(m_url.dialect(), m_table);
    if (!query) {
        m_error = query.error();
        return;
    }
    m_query = std::make_shared<const BrowseQuery>(std::move(query).value());

    // Worker callbacks run on the workers' threads: each is handed to this model's thread, where a result
    // of an older generation is recognised and dropped.
    PageFetcher::Callbacks pages;
    pages.estimated = [this](qint64 estimate) {
        QMetaObject::invokeMethod(
            this, [this, estimate] { estimateArrived(estimate); }, Qt::QueuedConnection);
    };
    pages.openFailed = [this](const Error& error) {
        QMetaObject::invokeMethod(
            this, [this, error] { report(error); }, Qt::QueuedConnection);
    };
    pages.fetched = [this](PageFetch fetch) {
        QMetaObject::invokeMethod(
            this, [this, fetch = std::move(fetch)]() mutable { pageArrived(std::move(fetch)); },
            Qt::QueuedConnection);
    };
    const QList<SqlStatement> estimates = m_estimate >= 0 ? QList<SqlStatement>{} : m_query->estimates();
    m_fetcher = std::make_unique<PageFetcher>(m_url, m_queue, estimates, m_options.simulatedLatencyMs, pages);

    RowScanner::Callbacks scan;
    scan.counted = [this](quint64 generation, qint64 rows) {
        QMetaObject::invokeMethod(
            this, [this, generation, rows] { counted(generation, rows); }, Qt::QueuedConnection);
    };
    scan.progressed = [](quint64, qint64) {};
    scan.finished = [this](quint64 generation) {
        QMetaObject::invokeMethod(
            this, [this, generation] { scanEnded(generation, std::nullopt); }, Qt::QueuedConnection);
    };
    scan.failed = [this](quint64 generation, const Error& error) {
        QMetaObject::invokeMethod(
            this, [this, generation, error] { scanEnded(generation, error); }, Qt::QueuedConnection);
    };
    m_scanner = std::make_unique<RowScanner>(m_url, scan);
    if (m_estimate > 0) {
        m_rows = std::min<qint64>(m_estimate, std::numeric_limits<int>::max());
        m_countState = CountState::Estimated;
    }
    startGeneration();
}

TableBrowseModel::~TableBrowseModel()
{
    // Both workers stop (their statements interrupted) before this object goes: nothing reaches it after.
    m_scanner.reset();
    m_fetcher.reset();
}

void TableBrowseModel::startGeneration()
{
    ++m_generation;
    m_fetcher->setGeneration(m_generation);
    m_queue->clear();
    if (!m_pending.isEmpty() && offsetPaging())
        m_fetcher->interrupt(); // a far OFFSET page can take seconds: not for a grid that moved on
    m_pending.clear();
    m_cache.clear();
    m_anchors = std::make_shared<KeyAnchors>(m_options.anchorStride);
    startScan();
    requestPage(0);
}

void TableBrowseModel::startScan()
{
    ScanJob job;
    job.generation = m_generation;
    job.query = m_query;
    job.anchors = m_anchors;
    job.countRows = m_countState != CountState::Exact && (!m_query->filtered() || !m_query->hasKey());
    job.knownRows = m_countState == CountState::Exact ? m_rows : -1;
    job.chunkStrides = m_options.anchorChunkStrides;
    m_scanner->start(job);
    const bool was = isCounting();
    m_scanning = true;
    if (was != isCounting())
        Q_EMIT countingChanged(isCounting());
}

int TableBrowseModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows);
}

int TableBrowseModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

bool TableBrowseModel::isRowLoaded(int row) const
{
    const BrowsePage* page = m_cache.peek(row / m_options.pageSize);
    return page && row % m_options.pageSize < page->rows.size();
}

QVariant TableBrowseModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.column() >= m_table.columns.size())
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawValueRole && role != IsNullRole &&
        role != IsLoadedRole && role != Qt::TextAlignmentRole)
        return {};
    const int pageIndex = index.row() / m_options.pageSize;
    const BrowsePage* page = m_cache.find(pageIndex);
    if (!page) {
        requestPage(pageIndex);
        return role == IsLoadedRole ? QVariant(false) : QVariant();
    }
    const int offset = index.row() % m_options.pageSize;
    if (offset >= page->rows.size())
        return role == IsLoadedRole ? QVariant(false) : QVariant();
    const QVariant value = page->rows.at(offset).value(index.column());
    switch (role) {
    case IsLoadedRole:
        return true;
    case IsNullRole:
        return value.isNull();
    case RawValueRole:
        return value;
    case Qt::TextAlignmentRole: {
        const int type = value.typeId();
        const bool number = type == QMetaType::LongLong || type == QMetaType::Double;
        return QVariant::fromValue(
            Qt::Alignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    default:
        return BrowseText::cell(value, m_query && m_query->isBlobColumn(index.column()));
    }
}

QVariant TableBrowseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_table.columns.size())
        return {};
    const ColumnInfo& column = m_table.columns.at(section);
    if (role == Qt::DisplayRole)
        return column.name;
    if (role == Qt::ToolTipRole)
        return BrowseText::columnToolTip(column, isSortable(section));
    return {};
}

void TableBrowseModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0)
        order = Qt::AscendingOrder;
    if (!m_query || (column == m_sortColumn && order == m_order))
        return;
    auto query = BrowseQuery::make(m_url.dialect(), m_table, column, order == Qt::DescendingOrder, m_filter);
    if (!query) {
        report(query.error());
        return;
    }
    beginResetModel();
    m_sortColumn = column;
    m_order = order;
    m_query = std::make_shared<const BrowseQuery>(std::move(query).value());
    m_error.reset();
    startGeneration();
    endResetModel();
}

Status TableBrowseModel::setFilter(const BrowseFilter& filter)
{
    if (!m_query)
        return *m_error;
    if (filter == m_filter)
        return {};
    auto query =
        BrowseQuery::make(m_url.dialect(), m_table, m_sortColumn, m_order == Qt::DescendingOrder, filter);
    if (!query)
        return query.error();
    beginResetModel();
    m_filter = filter;
    m_query = std::make_shared<const BrowseQuery>(std::move(query).value());
    m_error.reset();
    if (!filter.isEmpty()) {
        m_countState = CountState::Unknown;
        m_rows = 0;
    } else if (m_unfilteredExact >= 0) {
        m_countState = CountState::Exact;
        m_rows = m_unfilteredExact;
    } else {
        m_countState = m_estimate > 0 ? CountState::Estimated : CountState::Unknown;
        m_rows = std::max<qint64>(0, m_estimate);
    }
    startGeneration();
    endResetModel();
    Q_EMIT countChanged();
    return {};
}

void TableBrowseModel::reload()
{
    if (!m_query)
        return;
    beginResetModel();
    m_error.reset();
    if (m_countState == CountState::Exact) {
        m_countState = m_estimate > 0 && !m_query->filtered() ? CountState::Estimated : CountState::Unknown;
        m_rows = m_countState == CountState::Estimated ? m_estimate : 0;
    }
    m_unfilteredExact = -1;
    startGeneration();
    endResetModel();
    Q_EMIT countChanged();
}

void TableBrowseModel::countExactly()
{
    if (m_query && !m_scanning && m_countState != CountState::Exact)
        startScan();
}

void TableBrowseModel::cancelCount()
{
    if (!m_scanning)
        return;
    m_scanner->cancel();
    m_scanning = false;
    Q_EMIT countingChanged(false);
}

bool TableBrowseModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_query && m_countState == CountState::Unknown && !m_error &&
           m_rows % m_options.pageSize == 0;
}

void TableBrowseModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage(int(m_rows / m_options.pageSize));
}

void TableBrowseModel::requestPage(int page) const
{
    if (m_error || !m_query || page < 0 || m_pending.contains(page) || m_cache.peek(page))
        return;
    PageRequest request;
    request.generation = m_generation;
    request.page = page;
    request.startRow = qint64(page) * m_options.pageSize;
    request.rows = m_options.pageSize;
    request.totalRows = m_countState == CountState::Unknown ? -1 : m_rows;
    request.query = m_query;
    request.anchors = m_anchors;
    // A neighbour read from the end of a different count sits elsewhere now: its keys are not this page's.
    auto usable = [this](const BrowsePage* p) { return p && (!p->fromEnd || p->totalRows == m_rows); };
    const BrowsePage* previous = m_cache.peek(page - 1);
    const BrowsePage* next = m_cache.peek(page + 1);
    if (usable(previous) && previous->rows.size() == m_options.pageSize) {
        request.previousLastKey = previous->lastKey;
        request.neighbourFromEnd = previous->fromEnd;
    } else if (usable(next) && !next->firstKey.isEmpty()) {
        request.nextFirstKey = next->firstKey;
        request.neighbourFromEnd = next->fromEnd;
    }
    m_pending.insert(page);
    for (int dropped : m_queue->push(std::move(request)))
        m_pending.remove(dropped);
}

void TableBrowseModel::pageArrived(PageFetch fetch)
{
    if (fetch.generation != m_generation) {
        ++m_stale;
        return;
    }
    m_pending.remove(fetch.page);
    if (fetch.error) {
        if (!m_error) {
            m_error = fetch.error;
            Q_EMIT failed(*fetch.error);
        }
        return;
    }
    m_lastFetchMicros = fetch.micros;
    if (fetch.fromEnd && fetch.totalRows != (m_countState == CountState::Unknown ? -1 : m_rows)) {
        ++m_stale; // read from the end of a count that has changed since: these rows sit elsewhere now
        requestPage(fetch.page);
        return;
    }
    const qint64 got = fetch.rows.size();
    if (!fetch.fromEnd && got < fetch.requestedRows && (got > 0 || fetch.startRow == 0)) {
        if (m_countState != CountState::Exact) // a short page read from the start is the end of the rows
            setExact(fetch.startRow + got);
    } else if (m_countState == CountState::Unknown && fetch.startRow + got > m_rows) {
        setRows(fetch.startRow + got);
        Q_EMIT countChanged();
    }
    Q_EMIT pageFetched(fetch);
    BrowsePage page;
    page.index = fetch.page;
    page.rows = std::move(fetch.rows);
    page.firstKey = std::move(fetch.firstKey);
    page.lastKey = std::move(fetch.lastKey);
    page.fromEnd = fetch.fromEnd;
    page.totalRows = fetch.totalRows;
    m_cache.insert(std::move(page));
    const qint64 last =
        std::min<qint64>(fetch.startRow + std::max<qint64>(got, fetch.requestedRows), m_rows) - 1;
    if (last >= fetch.startRow && !m_table.columns.isEmpty())
        Q_EMIT dataChanged(index(int(fetch.startRow), 0), index(int(last), columnCount() - 1));
}

void TableBrowseModel::estimateArrived(qint64 estimate)
{
    m_estimate = estimate;
    if (estimate <= 0 || m_countState != CountState::Unknown || m_query->filtered())
        return;
    m_countState = CountState::Estimated;
    setRows(std::max(estimate, m_rows));
    Q_EMIT countChanged();
}

void TableBrowseModel::counted(quint64 generation, qint64 rows)
{
    if (generation != m_generation)
        return;
    setExact(rows);
}

void TableBrowseModel::scanEnded(quint64 generation, const std::optional<Error>& error)
{
    if (generation != m_generation || !m_scanning)
        return;
    const bool was = isCounting();
    m_scanning = false;
    if (was)
        Q_EMIT countingChanged(false);
    if (error)
        report(*error);
}

void TableBrowseModel::setExact(qint64 rows)
{
    const bool was = isCounting();
    m_countState = CountState::Exact;
    if (!m_query->filtered())
        m_unfilteredExact = rows;
    setRows(rows);
    if (was)
        Q_EMIT countingChanged(false);
    Q_EMIT countChanged();
}

void TableBrowseModel::setRows(qint64 rows)
{
    rows = std::clamp<qint64>(rows, 0, std::numeric_limits<int>::max());
    if (rows > m_rows) {
        beginInsertRows({}, int(m_rows), int(rows - 1));
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, int(rows), int(m_rows - 1));
        m_rows = rows;
        endRemoveRows();
    } else {
        return;
    }
    // Pages read from the end of the old count hold rows that now sit elsewhere.
    bool moved = false;
    m_cache.removeIf([&](const BrowsePage& page) {
        const bool stale = page.fromEnd && page.totalRows != m_rows;
        moved = moved || stale;
        return stale;
    });
    if (moved && m_rows > 0 && !m_table.columns.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows) - 1, columnCount() - 1));
}

void TableBrowseModel::report(const Error& error)
{
    if (m_error && m_error->what == error.what)
        return;
    Q_EMIT failed(error);
}

QString TableBrowseModel::countText() const
{
    return BrowseText::count(m_countState == CountState::Exact, m_countState == CountState::Estimated, m_rows,
                             m_query && m_query->filtered());
}

} // namespace strata
