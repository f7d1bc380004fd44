#pragma once

#include <QList>
#include <QTableWidget>

#include "schema/IndexAdvice.h"
#include "schema/TableInfo.h"

namespace strata {

/// The grid of the index map: rows are the table's columns (then the expressions indexes use), columns are
/// the indexes, and each cell says where that row sits in that index: "1 ▲", "2 ▼", or "incl". The earlier a
/// key part, the stronger its colour, since leading parts are what lookups can use on their own; an INVALID
/// index is drawn in red. Rows in no index are greyed: a lookup by them alone reads the whole table.
class IndexMapMatrix : public QTableWidget
{
    Q_OBJECT

public:
    explicit IndexMapMatrix(QWidget* parent = nullptr);

    /// `indexes` in the order of the map's columns; `advice` adds DUPLICATE/PREFIX/UNUSED badges.
    void showIndexes(const TableInfo& table, const QList<IndexInfo>& indexes,
                     const QList<IndexAdvice>& advice);

    QStringList rowLabels() const;
    QString cell(const QString& row, const QString& index) const;
    QStringList badges(const QString& index) const;
    QString detail(const QString& index) const;

    /// "1 ▲" / "2 ▼": a key part's position (1-based) and direction as the map shows it.
    static QString positionText(int position, bool descending);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    int columnOf(const QString& index) const;
    void fitColumns();
    void fitHeight();
    /// The grid lines of the theme shown (View > Theme).
    void restyle();

    // What is shown, to draw it again in the colours of a theme switched to.
    TableInfo m_table;
    QList<IndexInfo> m_indexes;
    QList<IndexAdvice> m_advice;
};

} // namespace strata
