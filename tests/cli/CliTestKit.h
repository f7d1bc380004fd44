#pragma once

// Helpers shared by the end-to-end tests of strata-cli: a database of either engine for one test, reading
// back what a run left in it, and the command lines the tests run.

#include <memory>
#include <optional>

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThread>

#include "CliProcess.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "connection/ConnectionUrl.h"
#include "connection/Database.h"
#include "connection/DatabaseOpener.h"

namespace strata::test::cli {

enum class Engine { Sqlite, Postgres };

inline QString engineName(Engine engine)
{
    return engine == Engine::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

/// Opens a database the way the tests inspect it (read-write, so that SQLite can recover a hot journal).
inline std::unique_ptr<Database> openDatabase(const QString& url, QString* error = nullptr)
{
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed) {
        if (error)
            *error = parsed.error().toText();
        return nullptr;
    }
    auto db = DatabaseOpener::open(*parsed, DatabaseOpener::Mode::ReadWrite);
    if (!db) {
        if (error)
            *error = db.error().toText();
        return nullptr;
    }
    return std::move(db).value();
}

/// What a test database holds when the test gets it.
enum class Content {
    Empty,  ///< a new, empty database
    Seeded, ///< a database in use: the desk table of the trading daemon, one row (no Strata history yet)
};

/// A database of its own for one test: a SQLite file, or a database on the test server.
class TestDatabase
{
public:
    explicit TestDatabase(Engine engine, Content content = Content::Seeded) : m_engine(engine)
    {
        if (engine == Engine::Sqlite) {
            m_sqlite = std::make_unique<ScratchSqlite>();
        } else {
            m_postgres = std::make_unique<ScratchPostgres>();
            if (!m_postgres->ok()) {
                m_error = m_postgres->error();
                return;
            }
        }
        if (content == Content::Seeded) {
            auto db = openDatabase(url(), &m_error);
            if (!db)
                return;
            if (auto created = db->execute(QStringLiteral("CREATE TABLE desks (id INTEGER PRIMARY KEY, name "
                                                          "TEXT NOT NULL)"));
                !created) {
                m_error = created.error().toText();
                return;
            }
            if (auto inserted =
                    db->execute(QStringLiteral("INSERT INTO desks (id, name) VALUES (1, 'rates')"));
                !inserted)
                m_error = inserted.error().toText();
        }
    }

    Engine engine() const { return m_engine; }
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString url() const { return m_sqlite ? m_sqlite->url() : m_postgres->url(); }
    /// SQLite only: the file and its folder.
    QString path() const { return m_sqlite ? m_sqlite->path() : QString(); }
    QString folder() const { return m_sqlite ? m_sqlite->folder() : QString(); }

private:
    Engine m_engine;
    std::unique_ptr<ScratchSqlite> m_sqlite;
    std::unique_ptr<ScratchPostgres> m_postgres;
    QString m_error;
};

/// Fails the test (never skips) when the database cannot be had, e.g. without the test PostgreSQL server.
#define STRATA_REQUIRE_DATABASE(database)                                                                    \
    do {                                                                                                     \
        if (!(database).ok())                                                                                \
            QFAIL(qPrintable((database).error()));                                                           \
    } while (false)

/// Rows of one query as "a|b|c" lines, or one line starting with "ERROR" when the query fails.
inline QStringList queryLines(Database& db, const QString& sql, const QVariantList& params = {})
{
    auto rows = db.query(sql, params);
    if (!rows)
        return {QStringLiteral("ERROR ") + rows.error().toText()};
    QStringList lines;
    for (const auto& row : rows->rows) {
        QStringList cells;
        for (const auto& value : row)
            cells << (value.isNull() ? QStringLiteral("<null>") : value.toString());
        lines << cells.join(QLatin1Char('|'));
    }
    return lines;
}

inline QStringList userTables(Database& db)
{
    auto tables = db.userTables();
    return tables ? *tables : QStringList{QStringLiteral("ERROR ") + tables.error().toText()};
}

/// Everything a run could change: the catalog, Strata's history rows and the row count of each user table.
inline QStringList snapshot(Database& db)
{
    QStringList lines;
    auto catalog = db.catalog();
    if (!catalog)
        return {QStringLiteral("ERROR ") + catalog.error().toText()};
    for (const auto& row : catalog->rows) {
        QStringList cells;
        for (const auto& value : row)
            cells << value.toString();
        lines << QStringLiteral("catalog ") + cells.join(QLatin1Char('|'));
    }
    const QStringList tables = userTables(db);
    for (const QString& table : tables)
        lines << QStringLiteral("rows %1 %2")
                     .arg(table, queryLines(db, QStringLiteral("SELECT count(*) FROM %1").arg(table))
                                     .join(QLatin1Char(',')));
    if (tables.contains(QStringLiteral("schema_version")))
        for (const QString& row :
             queryLines(db, QStringLiteral("SELECT * FROM schema_version ORDER BY version")))
            lines << QStringLiteral("schema_version ") + row;
    if (tables.contains(QStringLiteral("schema_version_steps")))
        for (const QString& row :
             queryLines(db, QStringLiteral("SELECT * FROM schema_version_steps ORDER BY version, step")))
            lines << QStringLiteral("schema_version_steps ") + row;
    return lines;
}

/// The state of the database at `url`: its snapshot and, for SQLite, the exact bytes of the file.
inline QStringList databaseStateOf(const QString& url)
{
    QStringList state;
    auto parsed = ConnectionUrl::parse(url);
    if (parsed && parsed->dialect() == Dialect::Sqlite) {
        QFile file(parsed->sqlitePath());
        if (file.open(QIODevice::ReadOnly))
            state << QStringLiteral("sha256 ") +
                         QString::fromLatin1(
                             QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        else
            state << QStringLiteral("unreadable ") + parsed->sqlitePath();
    }
    QString error;
    auto db = openDatabase(url, &error);
    if (!db)
        return state << QStringLiteral("ERROR ") + error;
    return state + snapshot(*db);
}

/// The state of the database at `url` as a test compares it before and after a command that must change
/// nothing. For SQLite this includes the names of the files in its folder: no journal or lock file is left.
inline QStringList stateOf(const QString& url)
{
    QStringList state = databaseStateOf(url);
    auto parsed = ConnectionUrl::parse(url);
    if (parsed && parsed->dialect() == Dialect::Sqlite)
        state << QStringLiteral("folder ") +
                     QDir(QFileInfo(parsed->sqlitePath()).absolutePath())
                         .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name)
                         .join(QLatin1Char(','));
    return state;
}

/// schema_version_steps as "V.S=status" lines (empty when the table does not exist).
inline QStringList stepStatuses(Database& db)
{
    if (!userTables(db).contains(QStringLiteral("schema_version_steps")))
        return {};
    QStringList lines;
    for (const QString& row :
         queryLines(db, QStringLiteral("SELECT version, step, status FROM schema_version_steps "
                                       "ORDER BY version, step"))) {
        const QStringList cells = row.split(QLatin1Char('|'));
        lines << (cells.size() == 3 ? QStringLiteral("%1.%2=%3").arg(cells[0], cells[1], cells[2]) : row);
    }
    return lines;
}

inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// The global options every test passes, then the command and its options.
inline QStringList cliArgs(const QString& url, const QString& set, const QStringList& command)
{
    return QStringList{QStringLiteral("--db"), url, QStringLiteral("--migrations"), set} + command;
}

/// stdout as exactly one JSON object; `error` says why not.
inline std::optional<QJsonObject> singleJsonObject(const QString& out, QString* error = nullptr)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("stdout is not one JSON object (%1): %2")
                         .arg(parseError.errorString(), out.left(400));
        return std::nullopt;
    }
    return doc.object();
}

/// The slot ("V.S") of each element of a JSON array of steps or problems (objects with a "slot"), or of
/// slots.
inline QStringList slotsOf(const QJsonArray& array)
{
    QStringList slots;
    for (const auto& value : array)
        slots << (value.isString() ? value.toString()
                                   : value.toObject().value(QStringLiteral("slot")).toString());
    return slots;
}

inline QStringList problemKinds(const QJsonObject& doc)
{
    QStringList kinds;
    for (const auto& value : doc.value(QStringLiteral("problems")).toArray())
        kinds << value.toObject().value(QStringLiteral("kind")).toString();
    return kinds;
}

/// Both streams of a run, for failure messages.
inline QString describe(const CliProcess::Outcome& outcome)
{
    return QStringLiteral("exit %1%2\n--- stdout:\n%3\n--- stderr:\n%4")
        .arg(outcome.exitCode)
        .arg(outcome.crashed ? QStringLiteral(" (crashed or timed out)") : QString())
        .arg(outcome.out.left(3000), outcome.err.left(3000));
}

/// Sessions connected to the database of `db`, other than `db`'s own.
inline int otherSessions(Database& db)
{
    const QStringList rows =
        queryLines(db, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                      "current_database() AND pid <> pg_backend_pid()"));
    return rows.size() == 1 ? rows.first().toInt() : -1;
}

/// Waits until the server has ended the sessions of a killed strata-cli run (and of the pg_dump it may have
/// started), so that the test reads what they left behind.
inline bool waitForOtherSessionsToEnd(Database& db, int timeoutMs = 60000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (otherSessions(db) == 0)
            return true;
        QThread::msleep(50);
    }
    return false;
}

/// The steps `strata-cli history --json` reports, as "V.S=status" (what an operator watching a run sees);
/// nullopt when history could not be read at that moment.
inline std::optional<QStringList> recordedSteps(const QString& url, const QString& set)
{
    const auto run = CliProcess::run(cliArgs(url, set, {QStringLiteral("--json"), QStringLiteral("history")}),
                                     CliProcess::defaultEnvironment(), 30000);
    if (run.exitCode != 0)
        return std::nullopt;
    const auto doc = singleJsonObject(run.out);
    if (!doc)
        return std::nullopt;
    QStringList steps;
    for (const auto& value : doc->value(QStringLiteral("steps")).toArray()) {
        const QJsonObject step = value.toObject();
        steps << step.value(QStringLiteral("slot")).toString() + QLatin1Char('=') +
                     step.value(QStringLiteral("status")).toString();
    }
    return steps;
}

/// Backups that strata-cli writes outside the database's folder (PostgreSQL's default folder is under
/// XDG_DATA_HOME) go to a folder of the test run, not to the home of the user running the tests.
inline void keepBackupsInside(const QTemporaryDir& dir)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.path()));
}

} // namespace strata::test::cli

Q_DECLARE_METATYPE(strata::test::cli::Engine)
