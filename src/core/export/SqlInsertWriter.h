#pragma once

#include "export/RowWriter.h"

namespace strata {

/// One INSERT statement a row, in the literals of the engine the rows came from, so that running the file
/// on that engine inserts the same values: NULL, numbers as they are (PostgreSQL's NaN and Infinity as
/// 'NaN'::float8; SQLite's infinities as 9e999), text in single quotes with quotes doubled, binary as
/// X'..' (SQLite) or '\x..'::bytea (PostgreSQL), booleans TRUE/FALSE.
class SqlInsertWriter final : public RowWriter
{
public:
    SqlInsertWriter(Dialect dialect, QString table) : m_dialect(dialect), m_table(std::move(table)) {}
    void begin(const QStringList& columns, QByteArray& out) override;
    void row(const QVariantList& values, QByteArray& out) override;
    void end(QByteArray&) override {}

    /// The literal of one value.
    static void appendLiteral(QByteArray& out, const QVariant& value, Dialect dialect);

private:
    Dialect m_dialect;
    QString m_table;
    QByteArray m_prefix; ///< INSERT INTO t (a, b) VALUES (
};

} // namespace strata
