#include "dialects/sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include "connection/FailureKind.h"
#include "connection/StatementFailure.h"
#include "dialects/sqlite/SqliteFileHeader.h"
#include "dialects/sqlite/SqliteFileHolders.h"
#include "dialects/sqlite/SqliteRunLock.h"

namespace strata {

namespace {

constexpr int kDefaultBusyTimeoutMs = 5000;

QString messageOf(sqlite3* db, int rc)
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    const QString generic = QString::fromUtf8(sqlite3_errstr(rc));
    return message == generic ? message : QStringLiteral("%1 (%2)").arg(message, generic);
}

void bindAll(sqlite3_stmt* stmt, const QVariantList& params)
{
    for (int i = 0; i < params.size(); ++i) {
        const QVariant& value = params.at(i);
        const int index = i + 1;
        if (value.isNull()) {
            sqlite3_bind_null(stmt, index);
            continue;
        }
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            sqlite3_bind_int64(stmt, index, value.toLongLong());
            break;
        case QMetaType::Double:
            sqlite3_bind_double(stmt, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            sqlite3_bind_blob64(stmt, index, bytes.constData(), static_cast<sqlite3_uint64>(bytes.size()),
                                SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray text = value.toString().toUtf8();
            sqlite3_bind_text64(stmt, index, text.constData(), static_cast<sqlite3_uint64>(text.size()),
                                SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        }
    }
}

/// The failure of the last statement on `db`, worded by its kind.
Error failureOf(sqlite3* db, const QString& path, const SqlScript* script, qsizetype byteOffset,
                bool inTransaction)
{
    const int code = sqlite3_extended_errcode(db);
    const QString message = messageOf(db, code);
    const FailureKind kind = FailureKind::ofSqlite(code, QString::fromUtf8(sqlite3_errmsg(db)));
    StatementFailure::Place place;
    place.database = QStringLiteral("sqlite:") + path;
    place.file = path;
    place.inTransaction = inTransaction;
    if (kind.kind() == FailureKind::Corrupt)
        if (const auto header = SqliteFileHeader::read(path))
            place.detail = header->truncationText();
    if (kind.kind() == FailureKind::LockTimeout) {
        // Who holds it: the other programs that have the file open (the daemon), else another Strata run
        // (its lock file says; this process may hold the run lock itself).
        const QStringList programs = SqliteFileHolders::of(path, false);
        const QString run = SqliteRunLock::holderOf(SqliteRunLock::lockPathFor(path));
        const bool runIsThis =
            run.contains(QStringLiteral("pid %1 ").arg(QCoreApplication::applicationPid()));
        place.lockHolder = !programs.isEmpty() ? programs.join(QStringLiteral(", "))
                           : !run.isEmpty() && !runIsThis
                               ? QStringLiteral("a Strata run, %1").arg(run)
                               : SqliteFileHolders::of(path, true).join(QStringLiteral(", "));
    }
    if (script)
        return StatementFailure::inScript(kind, *script, byteOffset, message, place);
    return StatementFailure::outsideScript(kind, message, place);
}

/// Where a symbolic link at `path` leads when it names no file: a loop, or a target that does not exist.
/// Empty when `path` is not such a link.
QString brokenLink(const QString& path, QString* chain)
{
    QFileInfo info(path);
    if (!info.isSymLink() || info.exists())
        return {};
    QStringList seen{info.absoluteFilePath()};
    while (info.isSymLink()) {
        const QString target = info.symLinkTarget();
        *chain += QStringLiteral(" -> ") + target;
        if (seen.contains(target) || seen.size() > 40)
            return QStringLiteral("loop");
        seen << target;
        info = QFileInfo(target);
    }
    return QStringLiteral("dangling");
}

} // namespace

QVariant SqliteDatabase::columnValue(sqlite3_stmt* stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue<qint64>(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char*>(sqlite3_column_blob(stmt, column)),
                          sqlite3_column_bytes(stmt, column));
    case SQLITE_NULL:
        return {};
    default:
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)),
                                 sqlite3_column_bytes(stmt, column));
    }
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString& path, bool readOnly)
{
    const QFileInfo info(path);
    QString chain = path;
    const QString broken = brokenLink(path, &chain);
    if (broken == QLatin1String("loop"))
        return Error::badInput(
            QStringLiteral(
                "The SQLite database path %1 is a symbolic link that leads back to itself (%2): it "
                "names no file.")
                .arg(path, chain),
            QStringLiteral("Point the link at the database file (ln -sfn /path/to/the.db %1), or name the "
                           "file itself.")
                .arg(path));
    if (broken == QLatin1String("dangling"))
        return Error::badInput(
            QStringLiteral(
                "The SQLite database path %1 is a symbolic link to a file that does not exist (%2).")
                .arg(path, chain),
            QStringLiteral("Check whether the database was moved or its disk is not mounted, and point the "
                           "link at the database file (ln -sfn /path/to/the.db %1), or name the file itself.")
                .arg(path));
    if (!info.exists())
        return Error::badInput(
            QStringLiteral("The SQLite database %1 does not exist.").arg(path),
            QStringLiteral("Check the path. To start a new database, create an empty file first "
                           "(touch %1): an empty file is an empty SQLite database.")
                .arg(path));
    if (info.isDir())
        return Error::badInput(QStringLiteral("%1 is a folder, not a SQLite database file.").arg(path),
                               QStringLiteral("Name the database file itself."));
    if (!info.isReadable() || (!readOnly && !info.isWritable()))
        return Error::badInput(
            QStringLiteral("The SQLite database %1 cannot be %2 by this user.")
                .arg(path, readOnly ? QStringLiteral("read") : QStringLiteral("read and written")),
            QStringLiteral("Check the file's owner and permissions, or open it read-only."));

    sqlite3* db = nullptr;
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? messageOf(db, rc) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return Error::badInput(QStringLiteral("Cannot open the SQLite database %1: %2.").arg(path, message),
                               QStringLiteral("Check that the file is a SQLite database and not in use."));
    }
    sqlite3_extended_result_codes(db, 1);
    std::unique_ptr<SqliteDatabase> result(new SqliteDatabase(db, path));
    result->setBusyTimeout(std::chrono::milliseconds(kDefaultBusyTimeoutMs));

    // SQLite opens lazily. Recognise a file that is not a database by its header, without taking any lock:
    // a run waiting for the migration lock must not wait on the database first. The header is read through
    // the connection's own descriptor: closing another descriptor of the file would drop every POSIX lock
    // this process holds on it, such as the exclusive lock of a restore that writes the file on another
    // thread while the window opens a connection to read the status.
    if (info.size() > 0) {
        QByteArray header(16, '\0');
        sqlite3_file* file = nullptr;
        if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
            !file->pMethods || file->pMethods->xRead(file, header.data(), 16, 0) != SQLITE_OK)
            header.clear();
        if (header != QByteArray("SQLite format 3\0", 16))
            return Error::badInput(
                QStringLiteral("%1 is not a SQLite database (its header is not SQLite's).").arg(path),
                QStringLiteral("Check that you picked the right file; a backup or export of "
                               "another kind must be restored first."));
    }
    return result;
}

SqliteDatabase::SqliteDatabase(sqlite3* db, QString path) : m_db(db), m_path(std::move(path)) {}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::interrupt()
{
    ++m_interrupts; // a statement waiting for another writer's lock gives up (waitWhileBusy)
    sqlite3_interrupt(m_db);
}

int SqliteDatabase::waitWhileBusy(void* database, int attempt)
{
    // SQLite's own busy handler (sqliteDefaultBusyCallback), with one addition: an interrupt() that arrived
    // since the statement began ends the wait, as it ends a statement that runs.
    static constexpr int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    static constexpr int totals[] = {0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228};
    constexpr int steps = int(std::size(delays));
    auto* self = static_cast<SqliteDatabase*>(database);
    if (self->m_interrupts.load() != self->m_interruptsAtStatement)
        return 0; // the statement fails with SQLITE_BUSY at once
    const qint64 timeout = self->m_busyTimeout.count();
    qint64 delay = attempt < steps ? delays[attempt] : delays[steps - 1];
    const qint64 prior =
        attempt < steps ? totals[attempt] : totals[steps - 1] + qint64(delay) * (attempt - (steps - 1));
    if (prior + delay > timeout) {
        delay = timeout - prior;
        if (delay <= 0)
            return 0;
    }
    sqlite3_sleep(int(delay));
    return 1;
}

QString SqliteDatabase::display() const
{
    return QStringLiteral("sqlite:") + m_path;
}

Error SqliteDatabase::stepError() const
{
    const int code = sqlite3_extended_errcode(m_db);
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
        // The run lock this process holds (a step's BEGIN IMMEDIATE waiting for the daemon) names no one.
        QString holder = SqliteRunLock::holderOf(SqliteRunLock::lockPathFor(m_path));
        if (holder.contains(QStringLiteral("pid %1 ").arg(QCoreApplication::applicationPid())))
            holder.clear();
        const QStringList others = holder.isEmpty() ? SqliteFileHolders::of(m_path, true) : QStringList();
        const QString who = !holder.isEmpty() ? QStringLiteral("a Strata run is writing it, %1").arg(holder)
                            : others.isEmpty()
                                ? QStringLiteral("another process is writing it (none of this machine's: a "
                                                 "process on another machine sharing the file?)")
                                : QStringLiteral("it is open in %1, which holds the lock")
                                      .arg(others.join(QStringLiteral(", ")));
        return Error::locked(QStringLiteral("%1 is busy: %2 (%3).").arg(m_path, who, lastMessage()),
                             !holder.isEmpty() ? QStringLiteral("Wait for that run to finish and try again.")
                             : others.isEmpty()
                                 ? QStringLiteral("Stop the process that writes to it and try again.")
                                 : QStringLiteral("Stop %1 (or let it end its transaction) and try again.")
                                       .arg(others.join(QStringLiteral(", "))));
    }
    if (code == SQLITE_READONLY_ROLLBACK)
        return Error::failed(
            QStringLiteral("A writer that crashed left a hot journal (%1-journal), and this read-only "
                           "connection cannot roll it back.")
                .arg(m_path),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Open the database read-write once (e.g. strata-cli status): SQLite rolls "
                           "the journal back and the database is as it was before that write."));
    if ((code & 0xff) == SQLITE_NOTADB)
        return Error::badInput(QStringLiteral("%1 is not a SQLite database: %2").arg(m_path, lastMessage()),
                               QStringLiteral("Check that you picked the right file."));
    if (!FailureKind::ofSqlite(code, QString()).blamesStatement())
        return failureOf(m_db, m_path, nullptr, 0, true);
    return Error::failed(
        QStringLiteral("SQLite failed: %1").arg(lastMessage()),
        QStringLiteral("The statement's own changes were not kept."),
        QStringLiteral("Run `sqlite3 %1 'PRAGMA integrity_check'` to see whether the file is "
                       "damaged.")
            .arg(m_path));
}

QString SqliteDatabase::lastMessage() const
{
    return messageOf(m_db, sqlite3_extended_errcode(m_db));
}

void SqliteDatabase::setBusyTimeout(std::chrono::milliseconds timeout)
{
    m_busyTimeout = timeout;
    sqlite3_busy_handler(m_db, &SqliteDatabase::waitWhileBusy, this);
}

Result<QueryRows> SqliteDatabase::query(const QString& sql, const QVariantList& params)
{
    m_interruptsAtStatement = m_interrupts.load();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        if (!FailureKind::ofSqlite(sqlite3_extended_errcode(m_db), QString()).blamesStatement())
            return stepError();
        return Error::failed(QStringLiteral("SQLite refused a statement: %1").arg(lastMessage()),
                             QStringLiteral("Nothing was changed by this statement."),
                             QStringLiteral("Check that %1 is the database you meant.").arg(m_path));
    }
    QueryRows rows;
    if (!stmt)
        return rows;
    bindAll(stmt, params);
    const int columns = sqlite3_column_count(stmt);
    for (int c = 0; c < columns; ++c)
        rows.columns << QString::fromUtf8(sqlite3_column_name(stmt, c));
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row << columnValue(stmt, c);
        rows.rows << std::move(row);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return stepError();
    return rows;
}

Status SqliteDatabase::runScript(const SqlScript& script, bool inTransaction)
{
    m_interruptsAtStatement = m_interrupts.load();
    const char* base = script.utf8.constData();
    const char* end = base + script.utf8.size();
    const char* tail = base;
    while (tail < end) {
        sqlite3_stmt* stmt = nullptr;
        const char* next = nullptr;
        // The length includes the NUL that QByteArray keeps after its last byte: given a length whose last
        // byte is not NUL, SQLite copies the whole rest of the script before parsing one statement, which
        // made a script of N statements cost N copies of itself.
        const int rc = sqlite3_prepare_v2(m_db, tail, static_cast<int>(end - tail) + 1, &stmt, &next);
        const qsizetype start = (tail - base) + skipSpaceAndComments(QByteArrayView(tail, end - tail));
        if (rc != SQLITE_OK) {
            qsizetype offset = start;
#if SQLITE_VERSION_NUMBER >= 3038000
            const int errorOffset = sqlite3_error_offset(m_db);
            if (errorOffset >= 0)
                offset = (tail - base) + errorOffset;
#endif
            return failureOf(m_db, m_path, &script, offset, inTransaction);
        }
        if (!stmt) {          // only whitespace or comments were left
            if (next <= tail) // a NUL byte inside the script: SQLite reads no further
                return scriptError(
                    script, tail - base,
                    QStringLiteral("the script has a NUL byte here; SQL text cannot contain one"));
            tail = next;
            continue;
        }
        if (inTransaction && isTransactionControl(QByteArrayView(tail, next - tail))) {
            sqlite3_finalize(stmt);
            return transactionControlError(script, start, leadingKeyword(QByteArrayView(tail, next - tail)));
        }
        const sqlite3_int64 changesBefore = sqlite3_total_changes64(m_db);
        int step;
        while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_finalize(stmt);
        if (step != SQLITE_DONE)
            return failureOf(m_db, m_path, &script, start, inTransaction);
        m_scriptRowsChanged += sqlite3_total_changes64(m_db) - changesBefore;
        tail = next;
    }
    return {};
}

Status SqliteDatabase::begin()
{
    return execute(QStringLiteral("BEGIN IMMEDIATE"));
}

Status SqliteDatabase::commit()
{
    return execute(QStringLiteral("COMMIT"));
}

Status SqliteDatabase::rollback()
{
    if (sqlite3_get_autocommit(m_db))
        return {}; // SQLite already rolled back (e.g. after an I/O error)
    return execute(QStringLiteral("ROLLBACK"));
}

Result<std::unique_ptr<RunLock>> SqliteDatabase::acquireRunLock(std::chrono::milliseconds timeout,
                                                                const RunLock::WaitNotice& waiting)
{
    auto lock = SqliteRunLock::acquire(m_path, timeout, waiting);
    if (!lock)
        return lock.error();
    setBusyTimeout(std::max(timeout, std::chrono::milliseconds(kDefaultBusyTimeoutMs)));
    return std::unique_ptr<RunLock>(std::move(lock).value());
}

} // namespace strata
