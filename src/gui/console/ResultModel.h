#pragma once

#include <memory>

#include <QAbstractTableModel>

namespace strata {

class ResultSpool;

/// A console result for the grid: the rows of a ResultSpool, which keeps them on disk. Rows arrive at the
/// end while the statement streams (rowsInserted), and a new statement replaces them all (reset), as the
/// RowWindowModel in front of it expects. NULL answers TableBrowseModel's IsNullRole so that the grid's
/// delegate greys it as it does in the Data tab.
class ResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ResultModel(QObject* parent = nullptr);
    ~ResultModel() override;

    /// Shows a new result (empty: none).
    void setSpool(std::shared_ptr<ResultSpool> spool);
    const std::shared_ptr<ResultSpool>& spool() const { return m_spool; }
    /// Takes the rows the spool has now (called when the worker says more arrived).
    void takeNewRows();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<ResultSpool> m_spool;
    int m_rows = 0;
};

} // namespace strata
