#include "analytics/FamilyReturnScan.h"

#include <bit>
#include <cstring>
#include <limits>
#include <vector>

#include <QtEndian>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "analytics/FamilyPathFollower.h"
#include "analytics/FamilyRowTime.h"
#include "analytics/FamilySnapshot.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace family_scan {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN(); ///< a NULL column

constexpr const char* kColumns[] = {"total_return_pct",
                                    "winning_trades",
                                    "total_trades",
                                    "signal_generator_contribution",
                                    "risk_manager_contribution",
                                    "position_sizer_contribution"};

} // namespace family_scan

QString FamilyReturnScan::sql(qsizetype ids, Dialect dialect)
{
    QStringList marks;
    marks.reserve(ids);
    for (qsizetype i = 0; i < ids; ++i)
        marks << (dialect == Dialect::Postgres ? QStringLiteral("$%1").arg(i + 1) : QStringLiteral("?"));
    // PostgreSQL sends the numbers in binary (8 bytes each): the casts make that hold whatever numeric type
    // the columns have.
    QStringList columns;
    for (const char* column : family_scan::kColumns)
        columns << (dialect == Dialect::Postgres
                        ? QStringLiteral("CAST(%1 AS DOUBLE PRECISION)").arg(QLatin1String(column))
                        : QLatin1String(column));
    const QString value = columns.join(QStringLiteral(", "));
    // The row's id and times let FamilyPathFollower skip the rows the tearsheet skips.
    const QString key = dialect == Dialect::Postgres
                            ? QStringLiteral("CAST(id AS BIGINT), CAST(period_start AS TIMESTAMPTZ), "
                                             "CAST(period_end AS TIMESTAMPTZ)")
                            : QStringLiteral("id, period_start, period_end");
    return QStringLiteral("SELECT strategy_id, %1, %2 FROM strategy_performance WHERE strategy_id IN (%3) "
                          "AND %4 ORDER BY strategy_id, period_start")
        .arg(key, value, marks.join(QStringLiteral(", ")), dailyCondition(dialect));
}

Error FamilyReturnScan::failure(const QString& message) const
{
    return Error::failed(QStringLiteral("Reading the daily returns of the family on %1 failed: %2")
                             .arg(m_db.display(), message),
                         QStringLiteral("Nothing was changed."),
                         QStringLiteral("Check the connection and open the family again."));
}

Status FamilyReturnScan::scan(const QStringList& strategyIds, const Sink& sink)
{
    if (strategyIds.isEmpty())
        return {};
    return m_db.dialect() == Dialect::Postgres ? scanPostgres(strategyIds, sink)
                                               : scanSqlite(strategyIds, sink);
}

Status FamilyReturnScan::scanSqlite(const QStringList& ids, const Sink& sink)
{
    sqlite3* handle = static_cast<SqliteDatabase&>(m_db).handle();
    const QByteArray utf8 = sql(ids.size(), Dialect::Sqlite).toUtf8();
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(handle, utf8.constData(), int(utf8.size()) + 1, 0, &stmt, nullptr) != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(stmt);
        return failure(message);
    }
    std::vector<QByteArray> bound;
    bound.reserve(size_t(ids.size()));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        bound.push_back(ids.at(i).toUtf8());
        sqlite3_bind_text(stmt, int(i + 1), bound.back().constData(), int(bound.back().size()),
                          SQLITE_STATIC);
    }
    FamilyPathFollower follower(sink);
    const auto time = [stmt](int column) -> std::optional<qint64> {
        if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
            return std::nullopt;
        return FamilyRowTime::fromText(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)),
                                       sqlite3_column_bytes(stmt, column));
    };
    FamilyPathFollower::Row row;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        const int bytes = sqlite3_column_bytes(stmt, 0);
        row.rowId = sqlite3_column_int64(stmt, 1);
        row.start = time(2);
        row.end = time(3);
        for (int c = 0; c < 6; ++c) {
            // A text or blob kept in a numeric column is not a number (the tearsheet skips such a return).
            const int type = sqlite3_column_type(stmt, c + 4);
            row.values[size_t(c)] = type == SQLITE_INTEGER || type == SQLITE_FLOAT
                                        ? sqlite3_column_double(stmt, c + 4)
                                        : family_scan::kNull;
        }
        follower.row(id, bytes, row);
    }
    const QString message = rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(stmt);
    if (!message.isEmpty())
        return failure(message);
    follower.finish();
    return {};
}

Status FamilyReturnScan::scanPostgres(const QStringList& ids, const Sink& sink)
{
    pg_conn* conn = static_cast<PostgresDatabase&>(m_db).handle();
    // A cursor fetched in batches keeps the memory bounded however large the family; it needs a
    // transaction, so it opens a read-only one when the caller has none.
    FamilySnapshot snapshot(m_db);
    if (auto begun = snapshot.begin(); !begun)
        return begun;
    const QByteArray declare = QByteArrayLiteral("DECLARE strata_family_returns NO SCROLL CURSOR FOR ") +
                               sql(ids.size(), Dialect::Postgres).toUtf8();
    std::vector<QByteArray> idTexts;
    std::vector<const char*> pointers;
    idTexts.reserve(size_t(ids.size()));
    pointers.reserve(size_t(ids.size()));
    for (const QString& id : ids) {
        idTexts.push_back(id.toUtf8());
        pointers.push_back(idTexts.back().constData());
    }
    const auto failed = [&](PGresult* result) {
        const QString message = result ? QString::fromUtf8(PQresultErrorMessage(result)).trimmed()
                                       : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQclear(result);
        return failure(message);
    };
    PGresult* declared = PQexecParams(conn, declare.constData(), int(ids.size()), nullptr, pointers.data(),
                                      nullptr, nullptr, 0);
    if (PQresultStatus(declared) != PGRES_COMMAND_OK)
        return failed(declared);
    PQclear(declared);
    FamilyPathFollower follower(sink);
    for (;;) {
        // Binary results: the id's bytes as stored, the numbers as 8-byte IEEE doubles (no text to parse).
        PGresult* batch = PQexecParams(conn, "FETCH 20000 FROM strata_family_returns", 0, nullptr, nullptr,
                                       nullptr, nullptr, 1);
        if (PQresultStatus(batch) != PGRES_TUPLES_OK)
            return failed(batch);
        const int rows = PQntuples(batch);
        FamilyPathFollower::Row row;
        for (int r = 0; r < rows; ++r) {
            quint64 bits = 0;
            std::memcpy(&bits, PQgetvalue(batch, r, 1), sizeof bits);
            row.rowId = std::bit_cast<qint64>(qFromBigEndian(bits));
            row.start = PQgetisnull(batch, r, 2) ? std::nullopt
                                                 : FamilyRowTime::fromPostgres(PQgetvalue(batch, r, 2));
            row.end = PQgetisnull(batch, r, 3) ? std::nullopt
                                               : FamilyRowTime::fromPostgres(PQgetvalue(batch, r, 3));
            for (int c = 0; c < 6; ++c) {
                if (PQgetisnull(batch, r, c + 4)) {
                    row.values[size_t(c)] = family_scan::kNull;
                    continue;
                }
                std::memcpy(&bits, PQgetvalue(batch, r, c + 4), sizeof bits);
                row.values[size_t(c)] = std::bit_cast<double>(qFromBigEndian(bits));
            }
            follower.row(PQgetvalue(batch, r, 0), PQgetlength(batch, r, 0), row);
        }
        PQclear(batch);
        if (rows == 0)
            break;
    }
    follower.finish();
    PQclear(PQexec(conn, "CLOSE strata_family_returns"));
    return snapshot.end();
}

} // namespace strata
