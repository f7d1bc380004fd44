#include "analytics/FamilyReturnScan.h"

#include <bit>
#include <cstring>
#include <limits>
#include <vector>

#include <QtEndian>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "analytics/FamilyPathFollower.h"
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
    return QStringLiteral("SELECT strategy_id, %1 FROM strategy_performance WHERE strategy_id IN (%2) "
                          "AND %3 ORDER BY strategy_id, period_start")
        .arg(value, marks.join(QStringLiteral(", ")), dailyCondition(dialect));
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
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        const int bytes = sqlite3_column_bytes(stmt, 0);
        std::array<double, 6> values;
        for (int c = 0; c < 6; ++c)
            values[size_t(c)] = sqlite3_column_type(stmt, c + 1) == SQLITE_NULL
                                    ? family_scan::kNull
                                    : sqlite3_column_double(stmt, c + 1);
        follower.row(id, bytes, values);
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
        for (int row = 0; row < rows; ++row) {
            std::array<double, 6> values;
            for (int c = 0; c < 6; ++c) {
                if (PQgetisnull(batch, row, c + 1)) {
                    values[size_t(c)] = family_scan::kNull;
                    continue;
                }
                quint64 bits = 0;
                std::memcpy(&bits, PQgetvalue(batch, row, c + 1), sizeof bits);
                values[size_t(c)] = std::bit_cast<double>(qFromBigEndian(bits));
            }
            follower.row(PQgetvalue(batch, row, 0), PQgetlength(batch, row, 0), values);
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
