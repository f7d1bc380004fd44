#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include "analytics/FamilyView.h"

namespace strata {

/// The members of a strategy's family as rows: who it is (generation, id, version, how it came from its
/// parent), its results (Sharpe, CAGR, max drawdown, volatility, win rate, Sortino, total return, days),
/// then each parameter, those that differ from the parent's marked. Results come before the parameters
/// so that they stay in sight on a small screen. Sorting uses the numbers, not their text.
class FamilyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// The number a column sorts by (NaN sorts first).
    static constexpr int SortRole = Qt::UserRole + 1;
    /// True on a parameter cell whose value differs from the parent's.
    static constexpr int ChangedRole = Qt::UserRole + 2;

    explicit FamilyTableModel(QObject* parent = nullptr);

    void setFamily(const FamilyView& family);
    const FamilyView& family() const { return m_family; }

    /// The result columns, in order: "sharpe", "cagr", "max_drawdown", "volatility", "win_rate", "sortino",
    /// "total_return", "days".
    static const QStringList& resultKeys();
    /// The column of a result key or a parameter name; -1 when there is none.
    int columnOf(const QString& key) const;
    static constexpr int generationColumn = 0;
    static constexpr int idColumn = 1;
    static constexpr int versionColumn = 2;
    static constexpr int relationshipColumn = 3;
    static constexpr int firstResultColumn = 4;
    int firstParameterColumn() const { return firstResultColumn + static_cast<int>(resultKeys().size()); }

    /// A member's result by key, as FamilyView holds it.
    static double result(const FamilyView::Member& member, const QString& key);
    /// A result as the table shows it ("12.3 %", "1.84").
    static QString formatResult(const QString& key, double value);
    /// A parameter's value as the table shows it; "" when the member has no such parameter.
    static QString formatParameter(const QJsonValue& value);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    FamilyView m_family;
};

} // namespace strata
