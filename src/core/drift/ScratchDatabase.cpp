#include "drift/ScratchDatabase.h"

#include <QFile>
#include <QUuid>

#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

Result<std::unique_ptr<Database>> openSqliteScratch(QTemporaryDir& folder)
{
    if (!folder.isValid())
        return Error::failed(
            QStringLiteral("Cannot make a temporary folder for the scratch database: %1.")
                .arg(folder.errorString()),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Check that TMPDIR points at a writable folder with free space."));
    const QString path = folder.filePath(QStringLiteral("drift.db"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) // an empty file is an empty SQLite database
        return Error::failed(
            QStringLiteral("Cannot create the scratch database %1: %2.").arg(path, file.errorString()),
            QStringLiteral("Nothing was changed."),
            QStringLiteral("Check that TMPDIR points at a writable folder with free space."));
    file.close();
    auto db = SqliteDatabase::open(path);
    if (!db)
        return db.error();
    return std::unique_ptr<Database>(std::move(db).value());
}

Error createRefused(const Error& cause, const QString& name)
{
    if (cause.what.contains(QLatin1String("42501")) ||
        cause.what.contains(QLatin1String("permission denied to create database")))
        return Error::failed(
            QStringLiteral(
                "This role may not create databases, and drift needs a temporary one to replay the "
                "migrations into (%1).")
                .arg(cause.what),
            QStringLiteral("Nothing was changed."),
            QStringLiteral(
                "Run drift as a role with CREATEDB (ALTER ROLE <role> CREATEDB), or against a copy of "
                "the database on a server where you may create databases."));
    return cause.prefixed(QStringLiteral("Cannot create the scratch database %1").arg(name))
        .withUnchanged(QStringLiteral("Nothing was changed."));
}

} // namespace

ScratchDatabase::ScratchDatabase(Database& live, std::unique_ptr<Database> db, QString postgresName,
                                 std::unique_ptr<QTemporaryDir> folder)
    : m_live(live), m_db(std::move(db)), m_postgresName(std::move(postgresName)), m_folder(std::move(folder))
{}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::create(Database& live)
{
    if (live.dialect() == Dialect::Sqlite) {
        auto folder = std::make_unique<QTemporaryDir>();
        auto db = openSqliteScratch(*folder);
        if (!db)
            return db.error();
        return std::unique_ptr<ScratchDatabase>(
            new ScratchDatabase(live, std::move(db).value(), QString(), std::move(folder)));
    }
    const QString name =
        QStringLiteral("strata_drift_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    if (auto created = live.execute(QStringLiteral("CREATE DATABASE %1").arg(name)); !created)
        return createRefused(created.error(), name);
    // From here on the destructor drops it, whatever happens next.
    std::unique_ptr<ScratchDatabase> scratch(new ScratchDatabase(live, nullptr, name, nullptr));
    auto db = PostgresDatabase::open(static_cast<PostgresDatabase&>(live).url().withDatabaseName(name));
    if (!db)
        return db.error().prefixed(QStringLiteral("Cannot connect to the scratch database %1").arg(name));
    scratch->m_db = std::move(db).value();
    return scratch;
}

ScratchDatabase::~ScratchDatabase()
{
    (void)drop();
}

QString ScratchDatabase::description() const
{
    return m_postgresName.isEmpty() ? QStringLiteral("a temporary SQLite file")
                                    : QStringLiteral("the temporary database %1").arg(m_postgresName);
}

Status ScratchDatabase::drop()
{
    if (m_dropped)
        return {};
    m_db.reset(); // its session must end before its database can go
    m_dropped = true;
    if (m_postgresName.isEmpty()) {
        if (m_folder)
            m_folder->remove();
        return {};
    }
    const QString sql = QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName);
    auto dropped = m_live.execute(sql);
    if (dropped)
        return {};
    // The live session may be unusable (a cancelled statement, a lost connection): try a session of its own.
    if (auto again = PostgresDatabase::open(static_cast<PostgresDatabase&>(m_live).url()))
        if ((*again)->execute(sql))
            return {};
    return Error::failed(
        QStringLiteral("Cannot drop the scratch database %1: %2").arg(m_postgresName, dropped.error().what),
        QStringLiteral("The live database was not changed."),
        QStringLiteral("Drop it by hand: DROP DATABASE %1;").arg(m_postgresName));
}

} // namespace strata
