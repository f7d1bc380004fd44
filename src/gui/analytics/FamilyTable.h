#pragma once

#include <QTableView>

#include "analytics/FamilyView.h"

class QSortFilterProxyModel;

namespace strata {

class FamilyTableModel;

/// The family's members, one row each, sortable by any column (click a header); selecting a row tells the
/// family window which member to emphasise on the other charts.
class FamilyTable : public QTableView
{
    Q_OBJECT

public:
    explicit FamilyTable(QWidget* parent = nullptr);

    void setFamily(const FamilyView& family);
    FamilyTableModel* familyModel() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }

    /// Selects and shows `strategyId`'s row; an id not in the family clears the selection.
    void selectMember(const QString& strategyId);
    QString selectedMember() const;
    /// The member shown on row `row` of the view as sorted now.
    QString memberAtRow(int row) const;

Q_SIGNALS:
    void memberSelected(const QString& strategyId);

private:
    FamilyTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
};

} // namespace strata
