#include "browse/RowWindowModel.h"

#include <algorithm>

namespace strata {

RowWindowModel::RowWindowModel(QAbstractItemModel* source, QObject* parent)
    : QAbstractTableModel(parent), m_source(source)
{
    m_rows = windowRows();
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, &RowWindowModel::beginResetModel);
    connect(source, &QAbstractItemModel::modelReset, this, [this] {
        m_offset = 0;
        m_rows = windowRows();
        endResetModel();
    });
    connect(source, &QAbstractItemModel::rowsInserted, this, &RowWindowModel::onSourceRowsChanged);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &RowWindowModel::onSourceRowsChanged);
    connect(source, &QAbstractItemModel::dataChanged, this, &RowWindowModel::onSourceDataChanged);
    connect(source, &QAbstractItemModel::headerDataChanged, this, &RowWindowModel::headerDataChanged);
    connect(source, &QAbstractItemModel::layoutChanged, this, [this] {
        beginResetModel();
        m_offset = std::clamp(m_offset, 0, std::max(0, sourceRows() - m_size));
        m_rows = windowRows();
        endResetModel();
    });
}

void RowWindowModel::setWindowSize(int rows)
{
    beginResetModel();
    m_size = std::max(1, rows);
    m_offset = std::clamp(m_offset, 0, std::max(0, sourceRows() - m_size));
    m_rows = windowRows();
    endResetModel();
}

int RowWindowModel::sourceRows() const
{
    return m_source ? m_source->rowCount() : 0;
}

int RowWindowModel::windowRows() const
{
    return std::clamp(sourceRows() - m_offset, 0, m_size);
}

int RowWindowModel::reveal(int first, int rows)
{
    first = std::clamp(first, 0, std::max(0, sourceRows() - 1));
    rows = std::clamp(rows, 1, m_size);
    if (first < m_offset || first + rows > m_offset + m_rows)
        moveTo(first + rows / 2 - m_size / 2);
    return first - m_offset;
}

void RowWindowModel::centreOn(int row)
{
    moveTo(row - m_size / 2);
}

void RowWindowModel::moveTo(int offset)
{
    offset = std::clamp(offset, 0, std::max(0, sourceRows() - m_size));
    if (offset == m_offset)
        return;
    beginResetModel();
    m_offset = offset;
    m_rows = windowRows();
    endResetModel();
    Q_EMIT moved(m_offset);
}

void RowWindowModel::onSourceRowsChanged()
{
    // The source grows or shrinks at its end: the window follows at its own end, or moves back when the
    // rows it showed are gone.
    if (m_offset > 0 && m_offset >= sourceRows()) {
        beginResetModel();
        m_offset = std::max(0, sourceRows() - m_size);
        m_rows = windowRows();
        endResetModel();
        return;
    }
    const int rows = windowRows();
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
}

void RowWindowModel::onSourceDataChanged(const QModelIndex& from, const QModelIndex& to,
                                         const QList<int>& roles)
{
    const int first = std::max(from.row(), m_offset) - m_offset;
    const int last = std::min(to.row(), m_offset + m_rows - 1) - m_offset;
    if (first > last)
        return;
    Q_EMIT dataChanged(index(first, from.column()), index(last, to.column()), roles);
}

int RowWindowModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RowWindowModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

QVariant RowWindowModel::data(const QModelIndex& index, int role) const
{
    if (!m_source || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    return m_source->data(m_source->index(m_offset + index.row(), index.column()), role);
}

QVariant RowWindowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_source)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows)
            return {};
        return m_source->headerData(m_offset + section, orientation, role);
    }
    return m_source->headerData(section, orientation, role);
}

Qt::ItemFlags RowWindowModel::flags(const QModelIndex& index) const
{
    if (!m_source || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    return m_source->flags(m_source->index(m_offset + index.row(), index.column()));
}

void RowWindowModel::sort(int column, Qt::SortOrder order)
{
    if (m_source)
        m_source->sort(column, order);
}

} // namespace strata
