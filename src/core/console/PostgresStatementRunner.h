#pragma once

#include <QList>

#include "console/StatementRunner.h"

struct pg_result;

namespace strata {

class PostgresDatabase;

/// Statements on a PostgreSQL session through libpq: sent with the extended protocol (which takes exactly
/// one statement), rows read in single-row mode and handed on in batches, so a result of any size never
/// sits whole in memory. A cancel is libpq's cancel request.
class PostgresStatementRunner final : public StatementRunner
{
public:
    explicit PostgresStatementRunner(PostgresDatabase& db);

    Result<StatementOutcome> run(const QString& sql, const RowBatch& batch, int batchRows) override;
    Status setReadOnly(bool readOnly) override;
    Status beginHeld() override;
    void interrupt() override;
    bool connectionLost() const override;

    /// A value of a row as the console shows it: bytea decoded to bytes, integers as qint64, floating point
    /// numbers as double when the text round-trips exactly, bool as bool, the rest as the server's text.
    static QVariant valueOf(const pg_result* result, int row, int column);

private:
    Error failure(const pg_result* result, const QString& sql);
    /// Reads what remains of a result the caller stopped reading (after a cancel request).
    void drain();

    PostgresDatabase& m_db;
    std::atomic_bool m_cancel{false};
    bool m_readOnly = false;
};

} // namespace strata
