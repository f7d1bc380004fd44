#pragma once

#include "export/RowWriter.h"

namespace strata {

/// CSV with a header line, field by field as psql (PostgreSQL) or sqlite3 (SQLite) writes it (CsvText).
/// Values as the engine's tool prints them: PostgreSQL's bytea as \x and hex digits, booleans t/f;
/// SQLite's real numbers with 15 significant digits, blobs as their bytes up to the first NUL.
class CsvWriter final : public RowWriter
{
public:
    explicit CsvWriter(Dialect dialect) : m_dialect(dialect) {}
    void begin(const QStringList& columns, QByteArray& out) override;
    void row(const QVariantList& values, QByteArray& out) override;
    void end(QByteArray&) override {}

private:
    Dialect m_dialect;
};

} // namespace strata
