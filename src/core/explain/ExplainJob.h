#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "explain/QueryPlan.h"
#include "jobs/DatabaseJob.h"
#include "schema/IndexAdvice.h"

namespace strata {

/// Reads the plan of one statement on a JobRunner worker, on a connection of its own, and the advice the
/// plan gives. PostgreSQL: `EXPLAIN (VERBOSE, FORMAT JSON)`, or with `analyze` `EXPLAIN (ANALYZE, BUFFERS,
/// VERBOSE, FORMAT JSON)` between BEGIN and ROLLBACK, so that an UPDATE or DELETE explained this way
/// changes nothing. SQLite: `EXPLAIN QUERY PLAN`; SQLite has no per-node timing, so `analyze` runs the
/// whole statement between BEGIN and ROLLBACK and reports its time and rows (QueryPlan::executionMs).
///
/// Cancelling interrupts the statement (sqlite3_interrupt, PostgreSQL's cancel request); the transaction
/// is rolled back either way. The statement is sent alone (PostgreSQL's extended protocol refuses a second
/// one), so a "; COMMIT" inside it can never end the transaction early.
class ExplainJob final : public DatabaseJob
{
public:
    ExplainJob(QString sql, bool analyze);

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;
    bool asksBeforeClose() const override { return true; }
    QString operatorName() const override;

    const QString& sql() const { return m_sql; }
    bool analyze() const { return m_analyze; }
    /// Set once the plan was read.
    const std::optional<QueryPlan>& plan() const { return m_plan; }
    /// Indexes the plan says would help (PlanAdvisor); each node's PlanNode::advice points into it.
    const QList<IndexAdvice>& advice() const { return m_advice; }
    /// How long reading the plan took on the worker, in milliseconds (connection excluded).
    qint64 elapsedMs() const { return m_elapsedMs; }

    /// The statement with surrounding whitespace and a final semicolon taken off; an Error when it is
    /// empty, holds more than one statement, or is one that cannot be explained (BEGIN, COMMIT...).
    static Result<QString> oneStatement(const QString& sql, Dialect dialect);

private:
    Result<QueryPlan> readPostgres(Database& db, const QString& sql, const Progress& progress);
    Result<QueryPlan> readSqlite(Database& db, const QString& sql, const Progress& progress);
    /// SQLite's timed run between BEGIN and ROLLBACK.
    Status timeSqlite(Database& db, const QString& sql, QueryPlan& plan, const Progress& progress);
    /// Names each node's table as the catalog does, reads those tables and asks PlanAdvisor.
    void advise(Database& db, const QString& sql, QueryPlan& plan);

    QString m_sql;
    bool m_analyze;
    std::optional<QueryPlan> m_plan;
    QList<IndexAdvice> m_advice;
    qint64 m_elapsedMs = 0;
};

} // namespace strata
