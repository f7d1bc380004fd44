#include "analytics/FamilyTable.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>

#include "analytics/FamilyTableModel.h"

namespace strata {

FamilyTable::FamilyTable(QWidget* parent)
    : QTableView(parent), m_model(new FamilyTableModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FamilyTableModel::SortRole);
    setModel(m_proxy);
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setMinimumSectionSize(40);
    // Column widths from the first rows only: measuring every row of a big family costs more than it shows.
    horizontalHeader()->setResizeContentsPrecision(200);
    sortByColumn(FamilyTableModel::generationColumn, Qt::AscendingOrder);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    Q_EMIT memberSelected(memberAtRow(current.row()));
            });
}

void FamilyTable::setFamily(const FamilyView& family)
{
    m_model->setFamily(family);
    // Wide enough for the figures, never wider than a third of the view for a long parameter value.
    resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        setColumnWidth(c, std::min(columnWidth(c), 220));
}

void FamilyTable::selectMember(const QString& strategyId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (memberAtRow(row) != strategyId)
            continue;
        const QModelIndex index = m_proxy->index(row, 0);
        if (selectionModel()->currentIndex().row() != row || !selectionModel()->isRowSelected(row))
            selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
        scrollTo(index);
        return;
    }
    clearSelection();
}

QString FamilyTable::selectedMember() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : memberAtRow(rows.first().row());
}

QString FamilyTable::memberAtRow(int row) const
{
    const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
    return source.isValid() ? m_model->family().members.at(source.row()).strategyId : QString();
}

} // namespace strata
