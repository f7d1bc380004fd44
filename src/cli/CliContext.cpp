#include "CliContext.h"

#include <cstdio>
#include <future>

#include <QFileInfo>
#include <QTextStream>

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include "backup/DatabaseBackup.h"
#include "migrations/MigrationSetLoader.h"
#include "ondemand/OnDemandLibrary.h"

namespace strata::cli {

Status CliSession::refresh()
{
    auto userTables = db->tablesNamed(HistoryStore::tablesRead(db->dialect()) + set.manifest.baseline.tables);
    if (!userTables)
        return userTables.error();
    auto read = HistoryStore(*db).read(*userTables);
    if (!read)
        return read.error();
    history = *read;
    tables = *userTables;
    return {};
}

CliContext::CliContext(CliOptions options) : m_options(std::move(options)), m_output(m_options.json) {}

Status CliContext::loadConfig()
{
    if (m_options.config.isEmpty())
        return {};
    auto config = OperatorConfig::load(m_options.config);
    if (!config)
        return config.error();
    m_config = *config;
    return {};
}

Result<ConnectionUrl> CliContext::databaseUrl() const
{
    if (!m_options.db.isEmpty()) {
        auto url = ConnectionUrl::parse(m_options.db);
        // libpq is opened only now (OnDemandLibrary): a machine without it still works with SQLite.
        if (QString missing;
            url && url->dialect() == Dialect::Postgres && !OnDemandLibrary::libpq().load(&missing))
            return Error::failed(
                QStringLiteral("Cannot work with PostgreSQL: %1.").arg(missing),
                QStringLiteral("Nothing was changed."),
                QStringLiteral("Install it (apt install libpq5) and run the command again."));
        return url;
    }
    if (m_config && !m_config->databasePath.isEmpty())
        return ConnectionUrl::parse(QStringLiteral("sqlite:") + m_config->databasePath);
    return Error::badInput(QStringLiteral("No database given."),
                           QStringLiteral("Pass --db URL (e.g. --db sqlite:data/state.db) or --config with a "
                                          "database.path."));
}

Result<MigrationSet> CliContext::loadSet() const
{
    QString folder = m_options.migrations;
    if (folder.isEmpty() && m_config)
        folder = m_config->migrations;
    if (folder.isEmpty())
        return Error::badInput(
            QStringLiteral("No migration set given."),
            QStringLiteral("Pass --migrations DIR (e.g. --migrations migrations/risk_state)."));
    return MigrationSetLoader::load(folder);
}

namespace {

/// Lowers the calling thread (and the threads it starts) below the one that connects: the folder's files
/// are CPU work that can run on whatever core is free, while the connection waits on the server, which
/// needs a core too (its backend starts, authenticates and answers on this machine or another), and then
/// on its own thread for SCRAM. At the same priority a thousand files kept both cores of a small machine
/// busy while the login waited for one. Under a real-time policy (a benchmark run with `chrt`) the thread
/// returns to the normal one, since niceness means nothing there.
void yieldToConnection()
{
    sched_param normal{};
    if (sched_getscheduler(0) != SCHED_OTHER)
        pthread_setschedparam(pthread_self(), SCHED_OTHER, &normal);
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), getpriority(PRIO_PROCESS, 0) + 5);
}

} // namespace

Result<CliSession> CliContext::openSession(DatabaseOpener::Mode mode, bool readHistory) const
{
    if (mode != DatabaseOpener::Mode::Inspect) {
        auto url = databaseUrl();
        if (!url)
            return url.error();
        // A command that may change the database opens nothing before its set has loaded.
        auto set = loadSet();
        if (!set)
            return set.error();
        auto db = DatabaseOpener::open(*url, mode);
        if (!db)
            return db.error();
        CliSession session{std::move(*db), std::move(*set), {}, {}, {}};
        if (readHistory)
            if (auto refreshed = session.refresh(); !refreshed)
                return refreshed.error();
        return session;
    }
    // A read-only command reads the folder on a thread of its own while this one connects and reads the
    // history: the server's round trips (or SQLite's parse of a large schema) and the files overlap. The
    // errors are reported in the order they were before: the set's first.
    auto loading = std::async(std::launch::async, [this] {
        yieldToConnection();
        return loadSet();
    });
    // The URL is read meanwhile: for PostgreSQL that opens libpq, which takes milliseconds too. A bad URL
    // is reported before anything the set says, as always.
    auto url = databaseUrl();
    if (!url) {
        loading.wait();
        return url.error();
    }
    auto db = DatabaseOpener::open(*url, mode);
    std::optional<CliSession> session;
    Status refreshed;
    if (db) {
        session.emplace(CliSession{std::move(*db), MigrationSet{}, {}, {}, {}});
        if (readHistory)
            refreshed = session->refresh();
    }
    auto set = loading.get();
    if (!set)
        return set.error();
    if (!db)
        return db.error();
    if (!refreshed)
        return refreshed.error();
    // The history was read before the set was known: the tables its baseline names are looked for now.
    if (readHistory && !set->manifest.baseline.tables.isEmpty()) {
        auto baseline = session->db->tablesNamed(set->manifest.baseline.tables);
        if (!baseline)
            return baseline.error();
        session->tables += *baseline;
    }
    session->set = std::move(*set);
    return std::move(*session);
}

Result<std::unique_ptr<Database>> CliContext::openDatabase(DatabaseOpener::Mode mode) const
{
    auto url = databaseUrl();
    if (!url)
        return url.error();
    return DatabaseOpener::open(*url, mode);
}

QString CliContext::backupFolder(Database& db) const
{
    if (!m_options.out.isEmpty())
        return QFileInfo(m_options.out).absolutePath();
    return DatabaseBackup::defaultFolder(db, m_config ? m_config->backupDirectory : QString());
}

BackupCatalog::Retention CliContext::retention() const
{
    if (!m_config)
        return {};
    return {m_config->retentionDays, m_config->maxBackups};
}

Result<CliSession> CliContext::openLockedSession() const
{
    auto session = openSession(DatabaseOpener::Mode::ReadWrite, false);
    if (!session)
        return session.error();
    auto held = lock(*session->db);
    if (!held)
        return held.error();
    session->lock = std::move(*held);
    if (auto refreshed = session->refresh(); !refreshed)
        return refreshed.error();
    return session;
}

QStringList CliContext::enabledOptions(const MigrationSet& set) const
{
    QStringList enabled = m_options.enable;
    if (!m_config)
        return enabled;
    for (const QString& name : m_config->enabledSwitches())
        if (set.hasOption(name) && !enabled.contains(name))
            enabled << name;
    return enabled;
}

std::chrono::milliseconds CliContext::lockTimeout() const
{
    return std::chrono::seconds(m_options.lockTimeoutSeconds);
}

Result<std::unique_ptr<RunLock>> CliContext::lock(Database& db) const
{
    return db.acquireRunLock(lockTimeout(), [this](const QString& holder) {
        m_output.notice(QStringLiteral("Waiting up to %1 s for the migration lock, held by %2.")
                            .arg(m_options.lockTimeoutSeconds)
                            .arg(holder));
    });
}

Status CliContext::confirm(const QString& question) const
{
    if (m_options.yes)
        return {};
    if (!isatty(STDIN_FILENO))
        return Error::badInput(
            QStringLiteral("%1 needs confirmation, and there is no terminal to ask on.").arg(question),
            QStringLiteral("Pass --yes to confirm from a script."));
    m_output.notice(question + QStringLiteral(" [y/N] "));
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    if (answer == QLatin1String("y") || answer == QLatin1String("yes"))
        return {};
    return Error::badInput(QStringLiteral("Not confirmed."),
                           QStringLiteral("Run the command again when ready."));
}

} // namespace strata::cli
