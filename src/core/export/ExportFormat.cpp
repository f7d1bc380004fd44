#include "export/ExportFormat.h"

namespace strata {

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::SqlInsert:
        return QStringLiteral("sql");
    }
    return {};
}

std::optional<ExportFormat> exportFormatNamed(const QString& name)
{
    for (ExportFormat format : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::SqlInsert})
        if (name.compare(exportFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    return std::nullopt;
}

} // namespace strata
