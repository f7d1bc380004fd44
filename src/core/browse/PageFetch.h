#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QVariantList>

#include "browse/SqlStatement.h"
#include "common/Error.h"

namespace strata {

/// A page as the worker read it, or why it could not: what ran and how long it took, for the status line
/// and the benchmarks.
struct PageFetch
{
    quint64 generation = 0;
    int page = -1;
    qint64 startRow = 0;
    int requestedRows = 0;
    QList<QVariantList> rows; ///< the table's columns (the key columns are taken off)
    QVariantList firstKey;
    QVariantList lastKey;
    bool fromEnd = false;
    qint64 totalRows = -1;
    /// How the page was found: "first", "after", "before", "dense", "anchor", "end", "offset".
    QString path;
    QList<SqlStatement> statements;
    qint64 micros = 0; ///< time the statements took on the worker
    std::optional<Error> error;
};

} // namespace strata
