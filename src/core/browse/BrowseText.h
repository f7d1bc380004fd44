#pragma once

#include <QString>
#include <QVariant>

#include "schema/TableInfo.h"

namespace strata {

/// How the grid words values, columns and counts.
class BrowseText
{
public:
    /// "NULL", "<blob 1,234 bytes>" (for a byte length when `byteLength`, or for bytes read), or the value.
    static QString cell(const QVariant& value, bool byteLength);
    static QString columnToolTip(const ColumnInfo& column, bool sortable);
    /// "10,000,000 rows", "≈10,000,000 rows (estimate)", "at least 200 rows match".
    static QString count(bool exact, bool estimated, qint64 rows, bool filtered);
};

} // namespace strata
