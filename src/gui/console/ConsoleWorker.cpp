#include "console/ConsoleWorker.h"

#include "console/ConsoleSession.h"
#include "console/ResultSpool.h"
#include "console/StatementKind.h"

namespace strata {

ConsoleWorker::ConsoleWorker(ConnectionUrl url) : m_url(std::move(url)) {}

ConsoleWorker::~ConsoleWorker()
{
    close();
}

void ConsoleWorker::interrupt(int id)
{
    int seen = m_stopUpTo.load();
    while (seen < id && !m_stopUpTo.compare_exchange_weak(seen, id)) {
    }
    const QMutexLocker lock(&m_sessionMutex);
    if (m_session)
        m_session->interrupt();
}

void ConsoleWorker::close()
{
    std::unique_ptr<ConsoleSession> session;
    {
        const QMutexLocker lock(&m_sessionMutex);
        session = std::move(m_session);
    }
    // A held transaction is rolled back as the session closes.
}

Status ConsoleWorker::ensureSession(bool writeMode)
{
    if (m_session) {
        if (m_session->writeMode() != writeMode)
            return m_session->setWriteMode(writeMode);
        return {};
    }
    auto opened = ConsoleSession::open(m_url, writeMode);
    if (!opened)
        return opened.error();
    const QMutexLocker lock(&m_sessionMutex);
    m_session = std::move(opened).value();
    return {};
}

void ConsoleWorker::run(int id, const QString& sql, bool writeMode, bool askOnWrite)
{
    if (stopped(id)) {
        StatementOutcome outcome;
        outcome.stopped = true;
        Q_EMIT finished(id, true, outcome, {}, -1);
        return;
    }
    if (const Status ready = ensureSession(writeMode); !ready) {
        Q_EMIT finished(id, false, {}, ready.error(), -1);
        return;
    }
    if (askOnWrite && writeMode && StatementKind::changes(StatementKind::of(m_session->database(), sql))) {
        auto outcome = m_session->runHeld(sql);
        if (!outcome) {
            const int position = m_session->lastErrorPosition();
            Q_EMIT finished(id, false, {}, outcome.error(), position);
            return;
        }
        Q_EMIT held(id, *outcome);
        return;
    }
    std::shared_ptr<ResultSpool> spool;
    std::optional<Error> spoolError;
    auto batch = [&](const QStringList& columns, QList<QVariantList>& rows) {
        if (!spool) {
            auto created = ResultSpool::create(columns);
            if (!created) {
                spoolError = created.error();
                return false;
            }
            spool = *created;
            Q_EMIT resultStarted(id, spool);
        }
        if (!rows.isEmpty()) {
            if (const Status kept = spool->append(rows); !kept) {
                spoolError = kept.error();
                return false;
            }
            rows.clear();
            if (!m_rowsAnnounced.exchange(true))
                Q_EMIT rowsArrived(id);
        }
        return !stopped(id);
    };
    auto outcome = m_session->run(sql, batch);
    if (spoolError) {
        Q_EMIT finished(id, false, outcome ? *outcome : StatementOutcome{}, *spoolError, -1);
        return;
    }
    if (!outcome) {
        const int position = m_session->lastErrorPosition();
        Q_EMIT finished(id, false, {}, outcome.error(), position);
        return;
    }
    if (!spool && !outcome->columns.isEmpty()) {
        if (auto created = ResultSpool::create(outcome->columns)) {
            spool = *created;
            Q_EMIT resultStarted(id, spool);
        }
    }
    if (stopped(id))
        outcome->stopped = true;
    Q_EMIT finished(id, true, *outcome, {}, -1);
}

void ConsoleWorker::finishHeld(int id, bool commit)
{
    if (!m_session) {
        Q_EMIT heldEnded(id, false,
                         Error::failed(QStringLiteral("The connection that held the statement is gone."),
                                       QStringLiteral("Its transaction was rolled back by the server."),
                                       QStringLiteral("Run the statement again.")));
        return;
    }
    const Status done = commit ? m_session->commitHeld() : m_session->rollbackHeld();
    if (!done) {
        Q_EMIT heldEnded(id, false, done.error());
        return;
    }
    Q_EMIT heldEnded(id, commit, {});
}

} // namespace strata
