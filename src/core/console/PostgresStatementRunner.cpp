#include "console/PostgresStatementRunner.h"

#include <memory>
#include <optional>

#include <QElapsedTimer>

#include <libpq-fe.h>

#include "connection/FailureKind.h"
#include "console/ConsoleFailure.h"
#include "dialects/postgres/PostgresDatabase.h"

namespace strata {

namespace {

struct ResultDeleter
{
    void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701;

/// The UTF-16 index in `text` of the 0-based code point `codePoint` (PostgreSQL counts characters).
int utf16Index(const QString& text, int codePoint)
{
    int index = 0;
    for (int seen = 0; seen < codePoint && index < text.size(); ++seen)
        index += text.at(index).isHighSurrogate() && index + 1 < text.size() ? 2 : 1;
    return index;
}

/// "INSERT 0 5" -> "INSERT", "CREATE TABLE" -> "CREATE TABLE".
QString commandOf(const char* status)
{
    QStringList words;
    for (const QString& word : QString::fromUtf8(status).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool number = false;
        word.toLongLong(&number);
        if (!number)
            words << word;
    }
    return words.join(QLatin1Char(' '));
}

bool isDataChange(const QString& command)
{
    return command == QLatin1String("INSERT") || command == QLatin1String("UPDATE") ||
           command == QLatin1String("DELETE") || command == QLatin1String("MERGE");
}

} // namespace

PostgresStatementRunner::PostgresStatementRunner(PostgresDatabase& db) : m_db(db) {}

void PostgresStatementRunner::interrupt()
{
    m_cancel = true;
    m_db.interrupt();
}

bool PostgresStatementRunner::connectionLost() const
{
    return !m_db.handle() || PQstatus(m_db.handle()) != CONNECTION_OK;
}

QVariant PostgresStatementRunner::valueOf(const pg_result* result, int row, int column)
{
    if (PQgetisnull(result, row, column))
        return {};
    const char* text = PQgetvalue(result, row, column);
    const int length = PQgetlength(result, row, column);
    switch (PQftype(result, column)) {
    case kBytea: {
        // Text format: \x followed by hex digits (bytea_output = hex, the default since 9.0).
        if (length >= 2 && text[0] == '\\' && text[1] == 'x')
            return QByteArray::fromHex(QByteArray::fromRawData(text + 2, length - 2));
        size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
        QByteArray value(reinterpret_cast<const char*>(bytes), qsizetype(size));
        PQfreemem(bytes);
        return value;
    }
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid:
        return QVariant::fromValue<qint64>(QByteArrayView(text, length).toLongLong());
    case kBool:
        return text[0] == 't';
    case kFloat4:
    case kFloat8: {
        bool ok = false;
        const double value = QByteArrayView(text, length).toDouble(&ok);
        if (ok &&
            QByteArray::number(value, 'g', QLocale::FloatingPointShortest) == QByteArrayView(text, length))
            return value;
        break;
    }
    default:
        break;
    }
    return QString::fromUtf8(text, length);
}

Error PostgresStatementRunner::failure(const pg_result* result, const QString& sql)
{
    pg_conn* conn = m_db.handle();
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    auto field = [result](int code) {
        return result ? QString::fromUtf8(PQresultErrorField(result, code)) : QString();
    };
    QString message = field(PG_DIAG_MESSAGE_PRIMARY);
    if (message.isEmpty() || lost)
        message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    const QString state = field(PG_DIAG_SQLSTATE);
    if (!state.isEmpty())
        message += QStringLiteral(" (SQLSTATE %1)").arg(state);
    if (const QString detail = field(PG_DIAG_MESSAGE_DETAIL); !detail.isEmpty())
        message += QStringLiteral(" DETAIL: ") + detail;
    if (const QString hint = field(PG_DIAG_MESSAGE_HINT); !hint.isEmpty())
        message += QStringLiteral(" HINT: ") + hint;
    bool ok = false;
    const int position = field(PG_DIAG_STATEMENT_POSITION).toInt(&ok);
    m_errorPosition = ok && position > 0 ? utf16Index(sql, position - 1) : -1;
    FailureKind kind = FailureKind::ofPostgres(state, message, lost);
    if (state == QLatin1String("25006"))
        kind = FailureKind::ReadOnly; // read_only_sql_transaction
    if (m_cancel.load() && state == QLatin1String("57014"))
        kind = FailureKind::Cancelled;
    return ConsoleFailure::of(kind, QStringLiteral("PostgreSQL"), message, m_readOnly, m_db.display());
}

void PostgresStatementRunner::drain()
{
    while (PGresult* rest = PQgetResult(m_db.handle()))
        PQclear(rest);
}

Result<StatementOutcome> PostgresStatementRunner::run(const QString& sql, const RowBatch& batch,
                                                      int batchRows)
{
    m_cancel = false;
    m_errorPosition = -1;
    StatementOutcome outcome;
    QElapsedTimer clock;
    clock.start();
    pg_conn* conn = m_db.handle();
    const QByteArray utf8 = sql.toUtf8();
    // The extended protocol runs exactly one statement: a second one in the text is the server's error.
    if (!PQsendQueryParams(conn, utf8.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0))
        return failure(nullptr, sql);
    PQsetSingleRowMode(conn);
    QList<QVariantList> rows;
    rows.reserve(qMin(batchRows, 4096));
    std::optional<Error> error;
    bool stopping = false;
    while (PGresult* raw = PQgetResult(conn)) {
        const ResultPtr result(raw);
        const ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK) {
            const int columns = PQnfields(raw);
            if (outcome.columns.isEmpty())
                for (int c = 0; c < columns; ++c)
                    outcome.columns << QString::fromUtf8(PQfname(raw, c));
            if (stopping)
                continue;
            for (int r = 0; r < PQntuples(raw); ++r) {
                QVariantList row;
                row.reserve(columns);
                for (int c = 0; c < columns; ++c)
                    row << valueOf(raw, r, c);
                rows << std::move(row);
                ++outcome.rowsReturned;
            }
            if (status == PGRES_TUPLES_OK) {
                outcome.command = commandOf(PQcmdStatus(raw));
                if (isDataChange(outcome.command)) // with RETURNING
                    outcome.rowsAffected = QByteArray(PQcmdTuples(raw)).toLongLong();
                if (!rows.isEmpty() || outcome.rowsReturned == 0)
                    batch(outcome.columns, rows);
                rows.clear();
            } else if (rows.size() >= batchRows) {
                const bool more = batch(outcome.columns, rows);
                rows.clear();
                if (!more) {
                    // The rest of the result is not wanted: the server stops at the cancel request, and
                    // what it sent before is read and dropped.
                    outcome.stopped = stopping = true;
                    m_db.interrupt();
                }
            }
        } else if (status == PGRES_COMMAND_OK) {
            outcome.command = commandOf(PQcmdStatus(raw));
            if (isDataChange(outcome.command))
                outcome.rowsAffected = QByteArray(PQcmdTuples(raw)).toLongLong();
        } else if (status == PGRES_EMPTY_QUERY) {
        } else if (status == PGRES_COPY_OUT || status == PGRES_COPY_IN || status == PGRES_COPY_BOTH) {
            error = Error::badInput(
                QStringLiteral("COPY to or from the client is not run here."),
                QStringLiteral("Use Export for COPY TO STDOUT, or psql's \\copy for a file on this machine."),
                QStringLiteral("Nothing was copied."));
            if (status == PGRES_COPY_IN)
                PQputCopyEnd(conn, "not supported here");
            else if (status == PGRES_COPY_OUT) {
                char* buffer = nullptr;
                while (PQgetCopyData(conn, &buffer, 0) > 0)
                    PQfreemem(buffer);
            }
        } else if (!stopping && !error) {
            error = failure(raw, sql);
        }
    }
    if (!error && PQstatus(conn) != CONNECTION_OK)
        error = failure(nullptr, sql);
    if (error)
        return *error;
    if (!rows.isEmpty())
        batch(outcome.columns, rows);
    outcome.micros = clock.nsecsElapsed() / 1000;
    return outcome;
}

Status PostgresStatementRunner::setReadOnly(bool readOnly)
{
    // A session-wide default, so that a BEGIN typed by the operator opens a read-only transaction too.
    const Status status =
        m_db.execute(readOnly ? QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                              : QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"));
    if (status)
        m_readOnly = readOnly;
    return status;
}

Status PostgresStatementRunner::beginHeld()
{
    return m_db.execute(QStringLiteral("BEGIN"));
}

} // namespace strata
