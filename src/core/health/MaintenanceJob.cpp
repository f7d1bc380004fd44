#include "health/MaintenanceJob.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include "connection/InterruptOnCancel.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "health/VacuumCost.h"
#include "health/VacuumProgressWatch.h"
#include "schema/SqlIdentifier.h"

namespace strata {

QString MaintenanceJob::title() const
{
    switch (m_action) {
    case Action::Optimize:
        return QStringLiteral("PRAGMA optimize");
    case Action::Analyze:
        return QStringLiteral("ANALYZE");
    case Action::Vacuum:
        return QStringLiteral("VACUUM");
    case Action::VacuumAnalyzeTable:
        break;
    }
    return QStringLiteral("VACUUM (ANALYZE) of %1.%2").arg(m_schema, m_table);
}

QString MaintenanceJob::statement(Dialect dialect) const
{
    switch (m_action) {
    case Action::Optimize:
        return QStringLiteral("PRAGMA optimize");
    case Action::Analyze:
        return QStringLiteral("ANALYZE");
    case Action::Vacuum:
        return QStringLiteral("VACUUM");
    case Action::VacuumAnalyzeTable:
        break;
    }
    return QStringLiteral("VACUUM (ANALYZE) %1").arg(SqlIdentifier::qualified(m_schema, m_table, dialect));
}

QString MaintenanceJob::cost(Action action, Dialect dialect, qint64 databaseBytes)
{
    switch (action) {
    case Action::Optimize:
        return QStringLiteral("PRAGMA optimize analyzes only the tables whose statistics look stale; usually "
                              "milliseconds, a short write lock, no extra disk.");
    case Action::Analyze:
        return QStringLiteral("ANALYZE reads every table and index to refresh the planner's statistics; it "
                              "holds the write lock while it reads (writers wait), no extra disk.");
    case Action::Vacuum:
        return VacuumCost::describe(databaseBytes);
    case Action::VacuumAnalyzeTable:
        break;
    }
    (void)dialect;
    return QStringLiteral("VACUUM (ANALYZE) reads the whole table and its indexes; it takes a SHARE UPDATE "
                          "EXCLUSIVE lock: reads and writes go on, DDL and other VACUUMs of the table wait. "
                          "No extra disk; the freed space is reused by the table, not given back.");
}

Status MaintenanceJob::run(Database& db, const Progress& progress)
{
    if (m_action == Action::VacuumAnalyzeTable && db.dialect() != Dialect::Postgres)
        return Error::badInput(
            QStringLiteral("VACUUM of one table is PostgreSQL's; SQLite vacuums the file."),
            QStringLiteral("Choose VACUUM (the whole file) instead."));
    if (m_action != Action::VacuumAnalyzeTable && db.dialect() != Dialect::Sqlite)
        return Error::badInput(QStringLiteral("%1 is offered for SQLite files only.").arg(title()),
                               QStringLiteral("Choose VACUUM (ANALYZE) of the table instead."));
    if (m_action == Action::Vacuum) {
        const QString path = static_cast<SqliteDatabase&>(db).path();
        auto pages = db.query(QStringLiteral("SELECT page_count * page_size FROM pragma_page_count, "
                                             "pragma_page_size"));
        if (!pages)
            return pages.error();
        const qint64 bytes = std::max(pages->value(0, 0).toLongLong(), QFileInfo(path).size());
        progress.report(0, 0, QStringLiteral("Checking the free disk for VACUUM"));
        if (auto room = VacuumCost::check(path, bytes); !room)
            return room;
    }
    progress.report(0, 0, QStringLiteral("Running %1").arg(statement(db.dialect())));
    QElapsedTimer timer;
    timer.start();
    int pid = 0;
    if (m_watchUrl && db.dialect() == Dialect::Postgres)
        if (auto own = db.query(QStringLiteral("SELECT pg_backend_pid()")))
            pid = own->value(0, 0).toInt();
    Status done;
    {
        std::optional<VacuumProgressWatch> watch;
        if (pid > 0)
            watch.emplace(*m_watchUrl, pid, progress);
        InterruptOnCancel interrupt(db, progress.cancelFlag());
        done = db.execute(statement(db.dialect()));
        if (watch) {
            m_pageReports = watch->reports();
            watch.reset();
        }
    }
    m_elapsedMs = timer.elapsed();
    if (!done) {
        if (progress.cancelled())
            return Error::failed(
                QStringLiteral("%1 was cancelled after %2 s.")
                    .arg(title())
                    .arg(m_elapsedMs / 1000.0, 0, 'f', 1),
                db.dialect() == Dialect::Sqlite
                    ? QStringLiteral("SQLite rolled it back: the database is as it was.")
                    : QStringLiteral("What the VACUUM finished stays done; nothing is lost."),
                QStringLiteral("Run it again at a quieter time."));
        return done.error()
            .prefixed(QStringLiteral("%1 failed").arg(title()))
            .withUnchanged(db.dialect() == Dialect::Sqlite ? QStringLiteral("The database is as it was.")
                                                           : QStringLiteral("No rows were changed."));
    }
    progress.report(1, 1, QStringLiteral("%1 done").arg(title()));
    return {};
}

} // namespace strata
