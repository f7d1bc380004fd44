#include "rehearsal/StepMeter.h"

#include <QRegularExpression>

#include "rehearsal/LockSampler.h"

namespace strata {

StepMeter::StepMeter(Database& copy, LockSampler* sampler, const QHash<QString, qint64>& tableRows,
                     int firstId, QString pass, const Progress& progress)
    : m_copy(copy), m_sampler(sampler), m_tableRows(tableRows), m_firstId(firstId), m_pass(std::move(pass)),
      m_progress(progress)
{}

void StepMeter::stepStarted(const MigrationStep& step, qsizetype index, qsizetype count)
{
    m_progress.report(index, count, QStringLiteral("rehearsal %1: %2").arg(m_pass, step.slot()));
    auto files = TableFiles::read(m_copy);
    m_filesBefore = files ? *files : TableFiles::Snapshot();
    m_rowsBefore = m_copy.scriptRowsChanged();
    m_running = true;
    if (m_sampler)
        m_sampler->enterStep(nextId());
    m_transaction.start();
}

void StepMeter::stepScriptRan(const MigrationStep& step)
{
    (void)step;
    if (!m_sampler)
        return;
    // Read inside the step's transaction: what it holds now it holds until its COMMIT, however briefly
    // the step ran (ADD COLUMN takes ACCESS EXCLUSIVE for a millisecond, between two samples).
    auto rows = m_copy.query(m_copy.catalogSql(QStringLiteral("rehearsal_locks")), {m_sampler->watchedPid()});
    if (!rows)
        return;
    auto& held = m_heldAtEnd[nextId()];
    for (const auto& row : rows->rows) {
        const QString relation = row.value(0).toString();
        const QString mode = row.value(1).toString();
        if (LockSampler::rankOf(mode) > LockSampler::rankOf(held.value(relation)))
            held.insert(relation, mode);
    }
}

void StepMeter::stepFinished(const MigrationStep& step, qint64 elapsedMs)
{
    finish(step, true, elapsedMs, QString());
}

void StepMeter::stepFailed(const MigrationStep& step, const Error& error)
{
    if (!m_running) { // refused before it started (e.g. cancelled): nothing ran
        RehearsedStep refused;
        refused.slot = step.slot();
        refused.phase = step.phase();
        refused.label = step.label();
        refused.error = error.what;
        m_steps << refused;
        return;
    }
    finish(step, false, m_transaction.elapsed(), error.what);
}

QStringList StepMeter::namedIn(const QString& sql, const QStringList& tables)
{
    QStringList named;
    for (const QString& table : tables) {
        const QRegularExpression word(
            QStringLiteral("(?<![\\w.\"])\"?%1\"?(?![\\w\"])").arg(QRegularExpression::escape(table)),
            QRegularExpression::CaseInsensitiveOption);
        if (word.match(sql).hasMatch())
            named << table;
    }
    return named;
}

QStringList StepMeter::tablesNamedIn(const MigrationStep& step) const
{
    return namedIn(QString::fromUtf8(m_pass == QLatin1String("down") ? step.rollbackScript().utf8
                                                                     : step.forwardScript().utf8),
                   m_tableRows.keys());
}

void StepMeter::finish(const MigrationStep& step, bool succeeded, qint64 elapsedMs, const QString& error)
{
    RehearsedStep measured;
    measured.transactionMs = m_transaction.elapsed();
    if (m_sampler)
        m_sampler->enterStep(-1);
    m_running = false;
    measured.slot = step.slot();
    measured.phase = step.phase();
    measured.label = step.label();
    measured.ran = true;
    measured.succeeded = succeeded;
    measured.error = error;
    measured.durationMs = elapsedMs;
    measured.rowsTouched = m_copy.scriptRowsChanged() - m_rowsBefore;
    if (auto after = TableFiles::read(m_copy))
        measured.rewrittenTables = TableFiles::rewritten(m_filesBefore, *after);
    measured.tables = tablesNamedIn(step);
    for (const QString& table : measured.rewrittenTables)
        if (!measured.tables.contains(table))
            measured.tables << table;
    if (!m_sampler) // SQLite: one write lock on the whole file, from BEGIN to COMMIT
        measured.locks << RehearsedLock{QStringLiteral("database"), QStringLiteral("WRITE"),
                                        measured.transactionMs};
    m_steps << measured;
}

QList<RehearsedStep> StepMeter::steps() const
{
    QList<RehearsedStep> steps = m_steps;
    qint64 all = 0;
    for (auto it = m_tableRows.cbegin(); it != m_tableRows.cend(); ++it)
        all += *it;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        RehearsedStep& step = steps[i];
        if (m_sampler && step.ran) {
            const int id = m_firstId + static_cast<int>(i);
            step.locks =
                LockSampler::merged(m_sampler->locksOf(id), m_heldAtEnd.value(id),
                                    std::min<qint64>(step.transactionMs, m_sampler->interval().count()));
            for (auto& lock : step.locks) {
                lock.heldMs = std::min(lock.heldMs, step.transactionMs);
                if (!step.tables.contains(lock.relation))
                    step.tables << lock.relation;
            }
        }
        std::sort(step.tables.begin(), step.tables.end());
        qint64 rows = 0;
        for (const QString& table : step.tables)
            rows += m_tableRows.value(table);
        step.rowsInTables = step.tables.isEmpty() ? all : rows;
    }
    return steps;
}

} // namespace strata
