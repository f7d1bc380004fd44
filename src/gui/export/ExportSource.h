#pragma once

#include <functional>

#include <QString>

#include "connection/ConnectionUrl.h"
#include "export/ExportRequest.h"

namespace strata {

/// What a grid exports: the database, the rows (a statement, run again on the export's own read-only
/// connection, or a whole table) and how the operator names them.
struct ExportSource
{
    ConnectionUrl url;
    /// The request in a format; asked when the export starts (a result grid's statement may have changed).
    std::function<ExportRequest(ExportFormat format)> request;
    QString what; ///< "orders", "the query's result": the dialog's title and the file's default name
    QString
        explanation; ///< one sentence on what will be exported ("Every row of orders, not only those shown.")
};

} // namespace strata
