#include "console/ResultModel.h"

#include "browse/BrowseText.h"
#include "browse/TableBrowseModel.h"
#include "console/ResultSpool.h"

namespace strata {

ResultModel::ResultModel(QObject* parent) : QAbstractTableModel(parent) {}

ResultModel::~ResultModel() = default;

void ResultModel::setSpool(std::shared_ptr<ResultSpool> spool)
{
    beginResetModel();
    m_spool = std::move(spool);
    m_rows = 0;
    endResetModel();
    takeNewRows();
}

void ResultModel::takeNewRows()
{
    if (!m_spool)
        return;
    const int rows = m_spool->rows();
    if (rows <= m_rows)
        return;
    beginInsertRows({}, m_rows, rows - 1);
    m_rows = rows;
    endInsertRows();
}

int ResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_spool ? 0 : int(m_spool->columns().size());
}

QVariant ResultModel::data(const QModelIndex& index, int role) const
{
    if (!m_spool || !index.isValid() || index.row() >= m_rows)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return BrowseText::cell(m_spool->value(index.row(), index.column()), false);
    case TableBrowseModel::RawValueRole:
        return m_spool->value(index.row(), index.column());
    case TableBrowseModel::IsNullRole:
        return !m_spool->value(index.row(), index.column()).isValid();
    case TableBrowseModel::IsLoadedRole:
        return true;
    case Qt::TextAlignmentRole: {
        // Numbers line up on their last digit, as in a spreadsheet.
        const int type = m_spool->value(index.row(), index.column()).typeId();
        if (type == QMetaType::LongLong || type == QMetaType::Double || type == QMetaType::Int)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    default:
        return {};
    }
}

QVariant ResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_spool ? m_spool->columns().value(section) : QVariant();
}

} // namespace strata
