#pragma once

#include <optional>

#include <QString>

namespace strata {

/// The file formats rows are exported to.
enum class ExportFormat {
    Csv,       ///< as the engine's own tool writes it: psql's \copy ... CSV HEADER, sqlite3 -csv -header
    Json,      ///< an array of objects, one per row; binary as base64
    SqlInsert, ///< INSERT statements in the engine's own literals
};

/// "csv", "json", "sql" (also the file extension and the CLI's word).
QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatNamed(const QString& name);

} // namespace strata
