#include "export/ExportRequest.h"

#include "schema/SqlIdentifier.h"

namespace strata {

ExportRequest ExportRequest::ofTable(const QString& schema, const QString& table, Dialect dialect,
                                     ExportFormat format)
{
    ExportRequest request;
    request.insertTable = SqlIdentifier::qualified(schema, table, dialect);
    request.sql = QStringLiteral("SELECT * FROM ") + request.insertTable;
    request.table = request.insertTable;
    request.format = format;
    return request;
}

} // namespace strata
