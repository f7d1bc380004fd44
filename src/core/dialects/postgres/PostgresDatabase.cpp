#include "dialects/postgres/PostgresDatabase.h"

#include <memory>
#include <vector>

#include <QRegularExpression>

#include <libpq-fe.h>

#include "connection/FailureKind.h"
#include "connection/ServerPasswords.h"
#include "connection/StatementFailure.h"
#include "dialects/postgres/PostgresRunLock.h"
#include "dialects/postgres/PostgresScriptSplitter.h"
#include "migrations/RunIdentity.h"

namespace strata {

namespace {

struct ResultDeleter
{
    void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

void ignoreNotice(void*, const char*) {}

/// How Strata's sessions behave, whatever the server's defaults:
/// - A server tuned with synchronous_commit = off acknowledges a commit before its WAL is written: a crash
///   then loses steps (with their history rows) that Strata already reported as applied. Strata's sessions
///   wait for the local flush in that case; a stricter setting (on, remote_write, remote_apply) is kept.
/// - A client killed with -9 leaves its statement running on the server (and the run lock held) until the
///   server next writes to the socket: a long CREATE INDEX would go on for hours. From PostgreSQL 14 on the
///   server checks every second whether the client is still there, and ends the statement when it is not.
void setUpSession(PGconn* conn)
{
    // One round trip for both: every command opens a session, and each round trip is paid by all of them.
    const char* const commit = "SELECT set_config('synchronous_commit', 'local', false) "
                               "WHERE current_setting('synchronous_commit') = 'off'";
    if (PQserverVersion(conn) < 140000)
        ResultPtr(PQexec(conn, commit));
    else
        ResultPtr(
            PQexec(conn, (QByteArray(commit) + "; SET client_connection_check_interval = '1s'").constData()));
}

/// `?` placeholders (outside quotes) become `$1`, `$2`, ... as PostgreSQL wants them.
QByteArray numberPlaceholders(const QString& sql)
{
    QString out;
    out.reserve(sql.size() + 8);
    int n = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            out += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('$') + QString::number(++n);
        } else {
            out += c;
        }
    }
    return out.toUtf8();
}

Error connectError(const ConnectionUrl& url, const QString& message)
{
    const QString where = url.display();
    const QString lower = message.toLower();
    if (lower.contains(QLatin1String("password authentication failed")) ||
        lower.contains(QLatin1String("no password supplied")) ||
        lower.contains(QLatin1String("authentication failed")))
        return Error::badInput(
            QStringLiteral("%1 %2: %3").arg(ServerPasswords::kRefusedLogin, where, message),
            QStringLiteral("Check the user name and the password in PGPASSWORD or ~/.pgpass (a line "
                           "host:port:database:user:password, mode 0600)."));
    // libpq refuses a bad parameter before it connects: "invalid sslmode value", "invalid connection option",
    // "invalid integer value ... for connection option", "invalid port number", "invalid ... value".
    static const QRegularExpression invalidParameter(
        QStringLiteral("invalid connection option|invalid port number|\\binvalid [^\"]*value\\b"));
    if (invalidParameter.match(lower).hasMatch())
        return Error::badInput(
            QStringLiteral("The connection URL of %1 has a parameter libpq refuses: %2").arg(where, message),
            QStringLiteral(
                "Fix that parameter of the URL (libpq's connection parameters: host, port, dbname, "
                "user, sslmode disable|allow|prefer|require|verify-ca|verify-full, sslrootcert, "
                "sslcert, sslkey, connect_timeout, target_session_attrs, ...)."));
    if (lower.contains(QLatin1String("certificate file")) ||
        lower.contains(QLatin1String("private key file")) ||
        lower.contains(QLatin1String("certificate revocation list")))
        return Error::badInput(QStringLiteral("Cannot connect to %1: %2").arg(where, message),
                               QStringLiteral("Check the sslrootcert, sslcert and sslkey paths of the URL: "
                                              "each must name a readable file (the key mode 0600)."));
    if (lower.contains(QLatin1String("does not exist")))
        return Error::badInput(QStringLiteral("Cannot connect to %1: %2").arg(where, message),
                               QStringLiteral("Check the database and user names in the URL."));
    if (lower.contains(QLatin1String("connection refused")) ||
        lower.contains(QLatin1String("could not connect")) || lower.contains(QLatin1String("timeout")) ||
        lower.contains(QLatin1String("could not translate host")))
        return Error::failed(
            QStringLiteral("Cannot reach the PostgreSQL server of %1: %2").arg(where, message),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Check that the server is running and listening on that host and "
                           "port (pg_isready -h HOST -p PORT), and that no firewall is in the "
                           "way."));
    return Error::failed(QStringLiteral("Cannot connect to %1: %2").arg(where, message),
                         QStringLiteral("Nothing was changed."),
                         QStringLiteral("Check the URL's host, port, sslmode and certificate paths."));
}

/// The kind of a failed statement: its SQLSTATE, or the state of the connection when there is no result.
FailureKind failureKindOf(pg_conn* conn, const pg_result* result)
{
    const QString state =
        result ? QString::fromUtf8(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QString();
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    // When the server ends a session, libpq keeps its last words (a FATAL) only in the connection's message.
    const QString message = lost     ? QString::fromUtf8(PQerrorMessage(conn))
                            : result ? QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY))
                                     : QString();
    return FailureKind::ofPostgres(state, message, lost);
}

/// Where a failed statement ran, for the words of its error.
StatementFailure::Place placeOf(const ConnectionUrl& url, bool inTransaction)
{
    StatementFailure::Place place;
    place.database = url.display();
    const QString host = url.postgresParameter(QStringLiteral("host"));
    const QString port = url.postgresParameter(QStringLiteral("port"));
    if (!host.isEmpty())
        place.server = QStringLiteral("-h ") + host;
    if (!port.isEmpty())
        place.server +=
            (place.server.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("-p ") + port;
    place.inTransaction = inTransaction;
    return place;
}

} // namespace

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const ConnectionUrl& url)
{
    QString conninfo = url.postgresConnInfo();
    if (url.postgresParameter(QStringLiteral("application_name")).isEmpty())
        conninfo += QStringLiteral(" application_name='%1'").arg(RunIdentity::current().applicationName());
    if (url.postgresParameter(QStringLiteral("connect_timeout")).isEmpty())
        conninfo += QStringLiteral(" connect_timeout=10");
    // A password the operator gave this session goes to libpq as a parameter of this connection only;
    // without one libpq reads PGPASSWORD of Strata's environment or ~/.pgpass, as always.
    const QByteArray expanded = conninfo.toUtf8();
    const QByteArray password = ServerPasswords::forUrl(url).toUtf8();
    const char* const keywords[] = {"dbname", password.isEmpty() ? nullptr : "password", nullptr};
    const char* const values[] = {expanded.constData(), password.constData(), nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
    if (!conn)
        return Error::failed(QStringLiteral("libpq could not allocate a connection."),
                             QStringLiteral("Nothing was changed."), QStringLiteral("Try again."));
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return connectError(url, message);
    }
    PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
    setUpSession(conn);
    return std::unique_ptr<PostgresDatabase>(new PostgresDatabase(conn, url));
}

PostgresDatabase::PostgresDatabase(pg_conn* conn, ConnectionUrl url)
    : m_conn(conn), m_cancel(PQgetCancel(conn)), m_url(std::move(url))
{}

PostgresDatabase::~PostgresDatabase()
{
    disconnect();
}

void PostgresDatabase::interrupt()
{
    if (!m_cancel)
        return;
    char message[256];
    PQcancel(m_cancel, message, sizeof message);
}

QString PostgresDatabase::display() const
{
    return m_url.display();
}

int PostgresDatabase::serverVersion() const
{
    return m_conn ? PQserverVersion(m_conn) : 0;
}

void PostgresDatabase::disconnect()
{
    if (m_cancel)
        PQfreeCancel(m_cancel);
    m_cancel = nullptr;
    PQfinish(m_conn);
    m_conn = nullptr;
}

Status PostgresDatabase::reconnect()
{
    auto fresh = open(m_url);
    if (!fresh)
        return fresh.error();
    disconnect();
    std::swap(m_conn, (*fresh)->m_conn);
    std::swap(m_cancel, (*fresh)->m_cancel);
    return {};
}

QString PostgresDatabase::connectionMessage() const
{
    return QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
}

QString PostgresDatabase::resultMessage(const pg_result* result)
{
    auto field = [result](int code) { return QString::fromUtf8(PQresultErrorField(result, code)); };
    QString message = field(PG_DIAG_MESSAGE_PRIMARY);
    if (message.isEmpty())
        message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    const QString state = field(PG_DIAG_SQLSTATE);
    const QString detail = field(PG_DIAG_MESSAGE_DETAIL);
    const QString hint = field(PG_DIAG_MESSAGE_HINT);
    QString text = QStringLiteral("ERROR: ") + message;
    if (!state.isEmpty())
        text += QStringLiteral(" (SQLSTATE %1)").arg(state);
    if (!detail.isEmpty())
        text += QStringLiteral(" DETAIL: ") + detail;
    if (!hint.isEmpty())
        text += QStringLiteral(" HINT: ") + hint;
    return text;
}

Result<QueryRows> PostgresDatabase::query(const QString& sql, const QVariantList& params)
{
    const QByteArray text = numberPlaceholders(sql);
    std::vector<QByteArray> storage;
    std::vector<const char*> values;
    storage.reserve(static_cast<size_t>(params.size()));
    for (const QVariant& p : params) {
        if (p.isNull()) {
            storage.emplace_back();
            values.push_back(nullptr);
            continue;
        }
        storage.push_back(p.typeId() == QMetaType::Bool ? QByteArray(p.toBool() ? "1" : "0")
                                                        : p.toString().toUtf8());
        values.push_back(storage.back().constData());
    }
    ResultPtr result(PQexecParams(m_conn, text.constData(), static_cast<int>(values.size()), nullptr,
                                  values.data(), nullptr, nullptr, 0));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const QString message =
            result && PQstatus(m_conn) == CONNECTION_OK ? resultMessage(result.get()) : connectionMessage();
        if (const FailureKind kind = failureKindOf(m_conn, result.get()); !kind.blamesStatement())
            return StatementFailure::outsideScript(kind, message, placeOf(m_url, true));
        return Error::failed(QStringLiteral("PostgreSQL refused a statement: %1").arg(message),
                             QStringLiteral("Nothing was changed by this statement."),
                             QStringLiteral("Check that %1 is the database you meant.").arg(display()));
    }
    QueryRows rows;
    const int columns = PQnfields(result.get());
    const int count = PQntuples(result.get());
    for (int c = 0; c < columns; ++c)
        rows.columns << QString::fromUtf8(PQfname(result.get(), c));
    rows.rows.reserve(count);
    for (int r = 0; r < count; ++r) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result.get(), r, c))
                row << QVariant();
            else
                row << QString::fromUtf8(PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c));
        }
        rows.rows << std::move(row);
    }
    return rows;
}

Status PostgresDatabase::runScript(const SqlScript& script, bool inTransaction)
{
    const auto statements = PostgresScriptSplitter::split(script.utf8);
    for (const auto& s : statements) {
        const QByteArray statement = script.utf8.mid(s.offset, s.length);
        const qsizetype start = s.offset + skipSpaceAndComments(statement);
        if (inTransaction && isTransactionControl(statement))
            return transactionControlError(script, start, leadingKeyword(statement));
        ResultPtr result(PQexec(m_conn, statement.constData()));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK) { // INSERT/UPDATE/DELETE/MERGE/COPY/CREATE TABLE AS: their rows
            m_scriptRowsChanged += QByteArray(PQcmdTuples(result.get())).toLongLong();
            continue;
        }
        if (status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
            continue;
        if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT)
            return Error::badInput(
                QStringLiteral("%1: COPY ... FROM STDIN / TO STDOUT needs a client that "
                               "streams data; a migration step cannot use it.")
                    .arg(script.path),
                QStringLiteral("Load the data with INSERT statements or COPY from a server "
                               "file."));
        qsizetype offset = start;
        if (result) {
            bool ok = false;
            const int position =
                QString::fromUtf8(PQresultErrorField(result.get(), PG_DIAG_STATEMENT_POSITION)).toInt(&ok);
            if (ok && position > 0) // a character position, 1-based
                offset = s.offset + QString::fromUtf8(statement).left(position - 1).toUtf8().size();
        }
        const QString message =
            result && PQstatus(m_conn) == CONNECTION_OK ? resultMessage(result.get()) : connectionMessage();
        return StatementFailure::inScript(failureKindOf(m_conn, result.get()), script, offset, message,
                                          placeOf(m_url, inTransaction));
    }
    return {};
}

Status PostgresDatabase::begin()
{
    return execute(QStringLiteral("BEGIN"));
}

Status PostgresDatabase::commit()
{
    return execute(QStringLiteral("COMMIT"));
}

Status PostgresDatabase::rollback()
{
    if (PQtransactionStatus(m_conn) == PQTRANS_IDLE)
        return {};
    return execute(QStringLiteral("ROLLBACK"));
}

Result<std::unique_ptr<RunLock>> PostgresDatabase::acquireRunLock(std::chrono::milliseconds timeout,
                                                                  const RunLock::WaitNotice& waiting)
{
    auto lock = PostgresRunLock::acquire(*this, timeout, waiting);
    if (!lock)
        return lock.error();
    return std::unique_ptr<RunLock>(std::move(lock).value());
}

} // namespace strata
