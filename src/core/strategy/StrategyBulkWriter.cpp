#include "strategy/StrategyBulkWriter.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

pg_conn* pgHandle(Database& db)
{
    return static_cast<PostgresDatabase&>(db).handle();
}

sqlite3* sqliteHandle(Database& db)
{
    return static_cast<SqliteDatabase&>(db).handle();
}

} // namespace

StrategyBulkWriter::StrategyBulkWriter(Database& db, QString table) : m_db(db), m_table(std::move(table)) {}

StrategyBulkWriter::~StrategyBulkWriter()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
    // A COPY left open (an error before finish()) is ended so the connection can roll back.
    if (m_db.dialect() == Dialect::Postgres && !m_finished) {
        PQputCopyEnd(pgHandle(m_db), "abandoned");
        while (PGresult* r = PQgetResult(pgHandle(m_db)))
            PQclear(r);
    }
}

Error StrategyBulkWriter::failure(const QString& message) const
{
    return Error::failed(QStringLiteral("Writing %1 into %2 failed at row %3: %4")
                             .arg(m_table, m_db.display())
                             .arg(m_rows + 1)
                             .arg(message),
                         QStringLiteral("The transaction is rolled back: nothing was written."),
                         QStringLiteral("Check that the strategy set is applied and the tables are empty."));
}

Result<std::unique_ptr<StrategyBulkWriter>> StrategyBulkWriter::open(Database& db, const QString& table,
                                                                     const QStringList& columns)
{
    std::unique_ptr<StrategyBulkWriter> w(new StrategyBulkWriter(db, table));
    if (db.dialect() == Dialect::Sqlite) {
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks << QStringLiteral("?");
        const QByteArray sql =
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))
                .toUtf8();
        if (sqlite3_prepare_v2(sqliteHandle(db), sql.constData(), static_cast<int>(sql.size()),
                               &w->m_statement, nullptr) != SQLITE_OK)
            return w->failure(QString::fromUtf8(sqlite3_errmsg(sqliteHandle(db))));
        return w;
    }
    const QByteArray sql =
        QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table, columns.join(QStringLiteral(", "))).toUtf8();
    PGresult* result = PQexec(pgHandle(db), sql.constData());
    const bool copying = PQresultStatus(result) == PGRES_COPY_IN;
    const QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    if (!copying) {
        w->m_finished = true;
        return w->failure(message);
    }
    return w;
}

void StrategyBulkWriter::separate()
{
    if (m_statement)
        return;
    if (m_column > 0)
        m_buffer += '\t';
}

void StrategyBulkWriter::null()
{
    separate();
    if (m_statement)
        sqlite3_bind_null(m_statement, m_column + 1);
    else
        m_buffer += "\\N";
    ++m_column;
}

void StrategyBulkWriter::integer(qint64 value)
{
    separate();
    if (m_statement)
        sqlite3_bind_int64(m_statement, m_column + 1, value);
    else
        m_buffer += QByteArray::number(value);
    ++m_column;
}

void StrategyBulkWriter::real(double value)
{
    separate();
    if (m_statement)
        sqlite3_bind_double(m_statement, m_column + 1, value);
    else
        m_buffer += QByteArray::number(value, 'g', 17); // exactly the double SQLite stores
    ++m_column;
}

void StrategyBulkWriter::text(const QByteArray& utf8)
{
    separate();
    if (m_statement) {
        sqlite3_bind_text64(m_statement, m_column + 1, utf8.constData(),
                            static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else {
        // COPY's text format: backslash, tab, newline and carriage return are escaped.
        for (const char c : utf8) {
            switch (c) {
            case '\\':
                m_buffer += "\\\\";
                break;
            case '\t':
                m_buffer += "\\t";
                break;
            case '\n':
                m_buffer += "\\n";
                break;
            case '\r':
                m_buffer += "\\r";
                break;
            default:
                m_buffer += c;
            }
        }
    }
    ++m_column;
}

void StrategyBulkWriter::boolean(bool value)
{
    if (m_statement)
        integer(value ? 1 : 0);
    else
        text(QByteArray(value ? "t" : "f"));
}

void StrategyBulkWriter::textOrNull(const QString& value)
{
    if (value.isEmpty())
        null();
    else
        text(value);
}

Status StrategyBulkWriter::endRow()
{
    m_column = 0;
    if (m_statement) {
        const int rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        if (rc != SQLITE_DONE)
            return failure(QString::fromUtf8(sqlite3_errmsg(sqliteHandle(m_db))));
        ++m_rows;
        return {};
    }
    m_buffer += '\n';
    ++m_rows;
    return m_buffer.size() >= kFlushBytes ? flush() : Status();
}

Status StrategyBulkWriter::flush()
{
    if (m_buffer.isEmpty())
        return {};
    if (PQputCopyData(pgHandle(m_db), m_buffer.constData(), static_cast<int>(m_buffer.size())) != 1)
        return failure(QString::fromUtf8(PQerrorMessage(pgHandle(m_db))).trimmed());
    m_buffer.clear();
    return {};
}

Status StrategyBulkWriter::finish()
{
    if (m_statement || m_finished)
        return {};
    m_finished = true;
    if (auto flushed = flush(); !flushed)
        return flushed;
    if (PQputCopyEnd(pgHandle(m_db), nullptr) != 1)
        return failure(QString::fromUtf8(PQerrorMessage(pgHandle(m_db))).trimmed());
    QString message;
    while (PGresult* r = PQgetResult(pgHandle(m_db))) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && message.isEmpty())
            message = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
    }
    if (!message.isEmpty())
        return failure(message);
    return {};
}

} // namespace strata
