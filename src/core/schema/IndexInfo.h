#pragma once

#include <QList>
#include <QString>

namespace strata {

/// One part of an index's key, in key order: a column or an expression, with its sort direction. Columns an
/// index only carries (PostgreSQL INCLUDE) come after the key parts with `included` set.
struct IndexKeyPart
{
    QString column;     ///< empty for an expression
    QString expression; ///< set for an expression part ("lower(name)"), empty for a column
    bool descending = false;
    bool included = false; ///< carried in the index (INCLUDE), not part of the key
    QString collation;     ///< empty for the default

    bool operator==(const IndexKeyPart&) const = default;
    /// The column's name or the expression, as shown to the operator.
    QString label() const { return column.isEmpty() ? expression : column; }
};

/// An index as the catalog describes it, with what the engine knows of its use.
struct IndexInfo
{
    QString schema; ///< "main" on SQLite
    QString table;
    QString name;
    QList<IndexKeyPart> parts; ///< key parts in order, then included columns
    bool unique = false;
    bool primaryKey = false; ///< the index behind the table's primary key
    bool constraint = false; ///< made by a UNIQUE/PRIMARY KEY constraint rather than CREATE INDEX
    bool valid = true;       ///< false: PostgreSQL INVALID (a failed CREATE INDEX CONCURRENTLY)
    QString predicate;       ///< WHERE of a partial index, empty otherwise
    QString method;          ///< "btree", "hash", "gin"… (SQLite: "btree")
    qint64 sizeBytes = -1;   ///< -1 when the engine cannot say (SQLite without dbstat)
    /// sizeBytes is the catalog's page count as of the index's last VACUUM, ANALYZE or CREATE INDEX (a whole
    /// schema's read), not a measure: 8 kB right after a data load. TableSize::indexes has the measure.
    bool sizeEstimated = false;
    qint64 scans = -1;  ///< index scans since the statistics were reset; -1 when unknown (SQLite)
    QString definition; ///< CREATE INDEX statement; empty for SQLite's automatic indexes

    /// The key parts only (no included columns).
    QList<IndexKeyPart> keyParts() const
    {
        QList<IndexKeyPart> keys;
        for (const IndexKeyPart& part : parts)
            if (!part.included)
                keys.append(part);
        return keys;
    }
};

} // namespace strata
