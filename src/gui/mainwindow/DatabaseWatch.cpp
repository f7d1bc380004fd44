#include "mainwindow/DatabaseWatch.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

#include "dialects/sqlite/SqliteRunLock.h"
#include "jobs/JobRunner.h"
#include "jobs/StateProbeJob.h"

namespace strata {

namespace {

constexpr int DefaultPollMs = 3000;
/// A migration writes the file many times in a row: one probe after the writes settle.
constexpr int DebounceMs = 200;

} // namespace

DatabaseWatch::DatabaseWatch(QObject* parent)
    : QObject(parent), m_files(new QFileSystemWatcher(this)), m_poll(new QTimer(this)),
      m_debounce(new QTimer(this))
{
    m_poll->setInterval(DefaultPollMs);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_poll, &QTimer::timeout, this, &DatabaseWatch::probe);
    connect(m_debounce, &QTimer::timeout, this, &DatabaseWatch::probe);
    connect(m_files, &QFileSystemWatcher::fileChanged, this, &DatabaseWatch::onFileEvent);
    connect(m_files, &QFileSystemWatcher::directoryChanged, this, &DatabaseWatch::onFileEvent);
}

DatabaseWatch::~DatabaseWatch() = default;

void DatabaseWatch::setTarget(const std::optional<ConnectionUrl>& url)
{
    m_poll->stop();
    m_debounce->stop();
    if (const QStringList paths = m_files->files() + m_files->directories(); !paths.isEmpty())
        m_files->removePaths(paths);
    if (m_runner) {
        // A probe of the last database: it ends on its own, its result is not this one's.
        JobRunner* old = m_runner.release();
        disconnect(old, nullptr, this, nullptr);
        connect(old, &JobRunner::finished, old, &QObject::deleteLater);
        old->cancel();
        m_job = nullptr;
    }
    m_url = url;
    m_fingerprint.clear();
    m_sqlitePath.clear();
    m_again = false;
    if (!m_url)
        return;
    if (m_url->dialect() == Dialect::Sqlite) {
        m_sqlitePath = QFileInfo(m_url->sqlitePath()).absoluteFilePath();
        m_files->addPath(QFileInfo(m_sqlitePath).absolutePath());
        m_files->addPath(m_sqlitePath);
        m_stamp = fileStamp();
    } else {
        m_poll->start();
    }
}

void DatabaseWatch::settle(const QString& fingerprint)
{
    m_fingerprint = fingerprint;
}

void DatabaseWatch::setPollInterval(int milliseconds)
{
    m_poll->setInterval(milliseconds);
}

int DatabaseWatch::pollInterval() const
{
    return m_poll->interval();
}

QStringList DatabaseWatch::watchedPaths() const
{
    return m_files->files() + m_files->directories();
}

QString DatabaseWatch::fileStamp() const
{
    // The -wal and the lock file come and go; their folder's events bring the watcher here, and their
    // size and time tell a write from a reader that merely opened and closed the file.
    QStringList parts;
    for (const QString& path :
         {m_sqlitePath, m_sqlitePath + QStringLiteral("-wal"), SqliteRunLock::lockPathFor(m_sqlitePath)}) {
        const QFileInfo info(path);
        parts << (info.exists()
                      ? QStringLiteral("%1@%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch())
                      : QStringLiteral("-"));
    }
    return parts.join(QLatin1Char(' '));
}

void DatabaseWatch::onFileEvent()
{
    if (m_sqlitePath.isEmpty())
        return;
    // A file replaced by rename (a restore) drops out of the watcher: watch it again.
    if (!m_files->files().contains(m_sqlitePath) && QFileInfo::exists(m_sqlitePath))
        m_files->addPath(m_sqlitePath);
    const QString stamp = fileStamp();
    if (stamp == m_stamp)
        return;
    m_stamp = stamp;
    m_debounce->start();
}

void DatabaseWatch::probe()
{
    if (!m_url)
        return;
    if (m_runner) {
        m_again = true;
        return;
    }
    auto job = std::make_unique<StateProbeJob>();
    m_job = job.get();
    m_runner = std::make_unique<JobRunner>(*m_url, std::move(job));
    connect(m_runner.get(), &JobRunner::finished, this, &DatabaseWatch::onProbed);
    m_runner->start();
}

void DatabaseWatch::onProbed(bool ok, const Error& error)
{
    const QString fingerprint =
        ok && m_job ? m_job->fingerprint() : QStringLiteral("unreadable: ") + error.what;
    // The runner is done: it may go now, from the event loop (this slot runs inside its signal).
    m_runner.release()->deleteLater();
    m_job = nullptr;
    // Only a difference from what the window read counts; before its first read there is nothing to
    // compare with (and its read takes the fingerprint itself).
    if (!m_fingerprint.isEmpty() && fingerprint != m_fingerprint) {
        m_fingerprint = fingerprint;
        Q_EMIT changed();
    }
    if (m_again) {
        m_again = false;
        probe();
    }
}

} // namespace strata
