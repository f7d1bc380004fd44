#include "export/RowWriter.h"

#include "export/CsvWriter.h"
#include "export/JsonWriter.h"
#include "export/SqlInsertWriter.h"

namespace strata {

std::unique_ptr<RowWriter> RowWriter::create(ExportFormat format, Dialect dialect, const QString& table)
{
    switch (format) {
    case ExportFormat::Csv:
        return std::make_unique<CsvWriter>(dialect);
    case ExportFormat::Json:
        return std::make_unique<JsonWriter>();
    case ExportFormat::SqlInsert:
        return std::make_unique<SqlInsertWriter>(dialect, table);
    }
    return nullptr;
}

} // namespace strata
