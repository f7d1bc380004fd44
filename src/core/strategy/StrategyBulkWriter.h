#pragma once

#include <memory>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "connection/Database.h"

struct sqlite3_stmt;

namespace strata {

/// Writes many rows into one table fast, inside the caller's transaction: on SQLite one prepared INSERT
/// bound and stepped per row; on PostgreSQL one COPY ... FROM STDIN (one round trip per megabyte instead of
/// one per row). Values are given column by column in the order of `columns`, then endRow().
class StrategyBulkWriter
{
public:
    static Result<std::unique_ptr<StrategyBulkWriter>> open(Database& db, const QString& table,
                                                            const QStringList& columns);
    ~StrategyBulkWriter();
    StrategyBulkWriter(const StrategyBulkWriter&) = delete;
    StrategyBulkWriter& operator=(const StrategyBulkWriter&) = delete;

    void null();
    void integer(qint64 value);
    void real(double value);
    void text(const QByteArray& utf8);
    void text(const QString& value) { text(value.toUtf8()); }
    void boolean(bool value);
    /// Either as text, or NULL when empty.
    void textOrNull(const QString& value);
    Status endRow();
    /// Sends what is left (PostgreSQL) and reports the table's first error. Must be called once at the end.
    Status finish();
    qint64 rows() const { return m_rows; }

private:
    StrategyBulkWriter(Database& db, QString table);
    Status flush();
    Error failure(const QString& message) const;
    void separate();

    Database& m_db;
    QString m_table;
    sqlite3_stmt* m_statement = nullptr; ///< SQLite
    int m_column = 0;
    QByteArray m_buffer; ///< PostgreSQL: COPY text-format rows not sent yet
    qint64 m_rows = 0;
    bool m_finished = false;
};

} // namespace strata
