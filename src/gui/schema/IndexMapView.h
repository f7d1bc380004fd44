#pragma once

#include <QList>
#include <QWidget>

#include "connection/ConnectionUrl.h"
#include "schema/IndexAdvice.h"
#include "schema/IndexAdvisor.h"
#include "schema/TableInfo.h"

class QLabel;

namespace strata {

class IndexAdviceList;
class IndexMapMatrix;
class NewStepDialog;

/// A table's indexes as a map: one row per column of the table (then one per expression an index uses),
/// one column per index, and in each cell where that column sits in the index's key ("1 ▲", "2 ▼") or
/// "incl" when the index only carries it. Reading across a row shows every index a column is in; reading
/// down shows an index's key in order. Under the map, the advice for the table with its SQL, and above it
/// since when the usage statistics count. The map and the advice are as tall as their content; the view
/// scrolls as a whole.
class IndexMapView : public QWidget
{
    Q_OBJECT

public:
    explicit IndexMapView(QWidget* parent = nullptr);

    /// Shows `table` with `advice` (the advice of other tables is left out).
    void showTable(const TableInfo& table, const QList<IndexAdvice>& advice);
    /// Shows `table` with the advice IndexAdvisor gives for it, knowing what `context` knows (the
    /// migration set's indexes, the usage statistics); says since when the statistics count.
    void showTable(const TableInfo& table, Dialect dialect, const IndexAdviceContext& context = {});
    /// Shows `table`'s map while what the advice depends on is read; the advice list says `note`.
    void showWaiting(const TableInfo& table, Dialect dialect, const QString& note);
    void clear();

    /// The migration set new steps are written into (empty: none; the advice then has no step to offer).
    void setMigrationSet(const QString& folder) { m_setFolder = folder; }

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
    /// What the view says of the usage statistics: since when, how long, whether that is enough.
    QString usageText() const;
    /// Opens the dialog that shows (and on request writes) a new migration step carrying advice `row` of
    /// the list; nullptr when no step can be written (a message box then says why and what to do).
    NewStepDialog* proposeStep(int row);

Q_SIGNALS:
    /// A new migration step was written into the set (its forward file's absolute path).
    void stepWritten(const QString& path);

private:
    void showMap(const TableInfo& table, const QList<IndexAdvice>& advice);
    /// The labels' colours, for the theme shown (View > Theme).
    void restyle();
    QString usageStyle() const;

    TableInfo m_table;
    Dialect m_dialect = Dialect::Sqlite;
    QString m_setFolder;
    bool m_usageWarns = false;  ///< the usage statistics are too recent to call an index unused
    QList<IndexInfo> m_indexes; ///< in map order
    QList<IndexAdvice> m_tableAdvice;
    QLabel* m_title;
    QLabel* m_legend;
    QLabel* m_usage;
    IndexMapMatrix* m_map;
    QLabel* m_footer;
    IndexAdviceList* m_advice;
};

} // namespace strata
