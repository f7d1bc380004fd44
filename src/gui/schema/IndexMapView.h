#pragma once

#include <QList>
#include <QWidget>

#include "connection/ConnectionUrl.h"
#include "schema/IndexAdvice.h"
#include "schema/TableInfo.h"

class QLabel;

namespace strata {

class IndexAdviceList;
class IndexMapMatrix;

/// A table's indexes as a map: one row per column of the table (then one per expression an index uses),
/// one column per index, and in each cell where that column sits in the index's key ("1 ▲", "2 ▼") or
/// "incl" when the index only carries it. Reading across a row shows every index a column is in; reading
/// down shows an index's key in order. Under the map, the advice for the table with its SQL.
class IndexMapView : public QWidget
{
    Q_OBJECT

public:
    explicit IndexMapView(QWidget* parent = nullptr);

    /// Shows `table` with `advice` (the advice of other tables is left out).
    void showTable(const TableInfo& table, const QList<IndexAdvice>& advice);
    /// Shows `table` with the advice IndexAdvisor gives for it.
    void showTable(const TableInfo& table, Dialect dialect);
    void clear();

    const TableInfo& table() const { return m_table; }
    IndexMapMatrix* map() const { return m_map; }
    IndexAdviceList* adviceList() const { return m_advice; }
    /// Row labels top to bottom: column names, then expressions.
    QStringList rowLabels() const;
    /// Index names left to right (the primary key first).
    QStringList indexNames() const;
    /// The cell of `row` (a row label) under `index`: "1 ▲", "2 ▼", "incl" or empty.
    QString cell(const QString& row, const QString& index) const;
    /// The badges in `index`'s header: "PK", "UNIQUE", "PARTIAL", "INVALID", the method when not btree, and
    /// "DUPLICATE", "PREFIX", "UNUSED" when the advice says so.
    QStringList badges(const QString& index) const;
    /// The line under `index`'s name: size and scans.
    QString detail(const QString& index) const;
    /// The title line and the footer listing partial predicates.
    QString titleText() const;
    QString footerText() const;

private:
    TableInfo m_table;
    QList<IndexInfo> m_indexes; ///< in map order
    QList<IndexAdvice> m_tableAdvice;
    QLabel* m_title;
    QLabel* m_legend;
    IndexMapMatrix* m_map;
    QLabel* m_footer;
    IndexAdviceList* m_advice;
};

} // namespace strata
