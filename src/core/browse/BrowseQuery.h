#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include "browse/BrowseFilter.h"
#include "browse/SqlStatement.h"
#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "schema/TableInfo.h"

namespace strata {

/// The statements that page through one table in one order with one filter. Rows are addressed by a key
/// (the primary key, SQLite's rowid, or a unique index on NOT NULL columns) so that a page is an index seek,
/// never an OFFSET over millions of rows; a table without any key falls back to OFFSET and says so.
///
/// Every statement selects the key's columns first (hidden from the grid), then the table's columns. Values
/// typed by the operator (the filter) and keys read back from the table are always bound, never spliced.
class BrowseQuery
{
public:
    /// Checks the sort column and the filter against the table: a column that cannot be sorted by key or a
    /// filter that cannot be run is an Error that says why.
    static Result<BrowseQuery> make(Dialect dialect, const TableInfo& table, int sortColumn = -1,
                                    bool descending = false, const BrowseFilter& filter = {});

    /// Columns the grid can sort by: the key's first column and the leading column of any complete btree
    /// index, when NOT NULL (a keyset over a nullable column would skip its NULLs). Empty without a key.
    static QList<int> sortableColumns(Dialect dialect, const TableInfo& table);

    bool hasKey() const { return !m_keyExprs.isEmpty(); }
    int keyWidth() const { return int(m_keyExprs.size()); }
    bool filtered() const { return !m_filterSql.isEmpty(); }
    bool descending() const { return m_descending; }
    int sortColumn() const { return m_sortColumn; }
    /// Row N is min(key) + N (or max - N) once the table is known to have no gaps: a single integer key in
    /// its own order, with no filter.
    bool denseCandidate() const { return m_integerKey && m_sortColumn < 0 && !filtered(); }
    /// "Keyset paging by id", or the warning that far pages of a table without a key are slow.
    QString pagingText() const { return m_pagingText; }
    /// Whether a column's values are byte lengths (BLOB/bytea columns are not fetched whole).
    bool isBlobColumn(int column) const { return m_blobColumns.value(column); }

    SqlStatement firstRows(int rows) const;
    /// Rows at or after `key` in this order (before it, nearest first, when `reversed`).
    SqlStatement rowsFrom(const QVariantList& key, bool inclusive, int rows, bool reversed = false) const;
    /// The last rows, nearest the end first: ORDER BY the key reversed, skipping `skip` rows.
    SqlStatement lastRows(qint64 skip, int rows) const;
    /// LIMIT/OFFSET, for tables without a key.
    SqlStatement offsetRows(qint64 offset, int rows) const;
    /// The key `offset` rows after `from` (from the start when empty); from the end when `reversed`.
    SqlStatement keyAt(const QVariantList& from, qint64 offset, bool reversed = false) const;
    /// Every `stride`-th key of the next `rows` rows from `from` (inclusive; the start when empty), with
    /// each one's 1-based position in the chunk and the chunk's size: key columns, strata_rn, strata_n.
    SqlStatement anchorChunk(const QVariantList& from, int stride, int rows) const;
    SqlStatement count() const;
    /// The first and the last key in this order (single-key tables).
    SqlStatement keyRange() const;
    /// Cheap row-count estimates of the whole table, to try in order until one gives a number: PostgreSQL's
    /// reltuples scaled to the current size; SQLite's sqlite_stat1 (ANALYZE's figure), then the rowid span.
    QList<SqlStatement> estimates() const;

private:
    BrowseQuery() = default;
    QString selectList() const;
    QString orderBy(bool reversed, const QStringList& exprs) const;
    QString keyCondition(bool reversed, bool inclusive, QVariantList& params, const QVariantList& key) const;
    QString where(QStringList conditions, QVariantList& params) const;

    Dialect m_dialect = Dialect::Sqlite;
    QString m_tableSql; ///< "schema"."table"
    QString m_tableName;
    QStringList m_keyExprs; ///< the key, in order: the sort column first when sorted by one
    QStringList m_columnExprs;
    QList<bool> m_blobColumns;
    QString m_filterSql;
    QVariantList m_filterParams;
    QString m_pagingText;
    int m_sortColumn = -1;
    bool m_descending = false;
    bool m_integerKey = false;
    bool m_rowid = false; ///< SQLite rowid table: the estimate can use the rowid span
};

} // namespace strata
