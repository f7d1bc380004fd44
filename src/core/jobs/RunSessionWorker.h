#pragma once

#include <memory>

#include <QMetaObject>

#include "connection/ConnectionUrl.h"
#include "connection/Database.h"
#include "migrations/MigrationSet.h"
#include "run/PhasedRun.h"
#include "run/RunObserver.h"

namespace strata {

class RunSession;

/// The half of a RunSession that lives on its worker thread: the connection, the migration set and the
/// phased run. It tells the session what happens through queued calls.
class RunSessionWorker final : public RunObserver
{
public:
    RunSessionWorker(RunSession& session, ConnectionUrl url, QString setFolder, PhasedRun::Settings settings);
    ~RunSessionWorker() override;

    void prepare();
    void choose(const QStringList& enable);
    /// Runs one phase of the prepared run and reports its end as `phase`.
    void run(const QString& phase, Status (PhasedRun::*call)());
    void apply();
    void review();
    void rehearse();

    void phaseStarted(const QString& phase, const QString& title) override;
    void checkDone(const QString& phase, const CheckResult& check) override;
    void hookOutput(const QString& line) override;
    void progress(qint64 done, qint64 total, const QString& stage) override;
    void stepStarted(const MigrationStep& step, qsizetype index, qsizetype count) override;
    void stepFinished(const MigrationStep& step, qint64 elapsedMs) override;
    void stepFailed(const MigrationStep& step, const Error& error) override;

private:
    void planned(const Result<MigrationPlan>& plan);
    void ended(const QString& phase, const Status& status);
    static Error notPrepared();
    /// Runs `call` on the session's thread, later: the session hears the worker only through its queue.
    template <typename Call> void notify(Call call)
    {
        RunSession* session = &m_session;
        QMetaObject::invokeMethod(
            session, [session, call = std::move(call)] { call(*session); }, Qt::QueuedConnection);
    }

    RunSession& m_session;
    ConnectionUrl m_url;
    QString m_setFolder;
    PhasedRun::Settings m_settings;
    std::unique_ptr<Database> m_db;
    std::optional<MigrationSet> m_set;
    std::unique_ptr<PhasedRun> m_run;
    qint64 m_lastProgressMs = -1;
};

} // namespace strata
