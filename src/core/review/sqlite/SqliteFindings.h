#pragma once

#include <QList>
#include <QString>

#include "review/ReviewContext.h"
#include "review/StepReview.h"
#include "review/sqlite/SqliteRebuild.h"
#include "review/sqlite/SqliteRecipes.h"
#include "review/sqlite/SqliteStepStatements.h"

namespace strata {

/// What the SQLite rules share while they review one step: its statements and hand-written rebuilds, the
/// live database and its table sizes, the recipes, and the findings they add (each joined with its table's
/// size and users).
class SqliteFindings
{
public:
    SqliteFindings(StepReview& review, ReviewContext& context);

    StepReview& review() { return m_review; }
    Database& db() { return m_context.db; }
    const QList<SqliteStepStatement>& statements() const { return m_statements; }
    const QList<SqliteRebuild>& rebuilds() const { return m_rebuilds; }
    SqliteRecipes& recipes() { return m_recipes; }
    /// sqlite3_libversion_number() of the SQLite that opens the database (the context's, else this one's).
    int version() const;

    ReviewFinding& add(const char* rule, ReviewSeverity severity, const SqliteStepStatement& s,
                       const QString& table);
    const TableLoad& load(const QString& table);
    /// `severity` on a table that has rows (or whose size is unknown); `otherwise` on one the review knows to
    /// be empty or new (info: the lock is over at once; warn for what destroys: clients still break).
    ReviewSeverity onRows(const QString& table, ReviewSeverity severity,
                          ReviewSeverity otherwise = ReviewSeverity::Info);
    bool inRebuild(int index) const;
    /// Makes `f` cover the rebuild's statements from its first to its last, so that the rewrite replaces
    /// them.
    void spanRebuild(ReviewFinding& f, const SqliteRebuild& r) const;

    /// "20,000".
    static QString number(qint64 n);
    /// "13.2 MB".
    static QString bytesText(qint64 bytes);
    /// "all 1,000,000 rows of orders (51.3 MB)", "orders (not on the database yet)", "orders (size unknown)".
    static QString sizeOf(const TableLoad& load);
    /// 3040001 as "3.40.1".
    static QString versionText(int version);
    static QString quoted(const QString& name);

private:
    StepReview& m_review;
    ReviewContext& m_context;
    QList<SqliteStepStatement> m_statements;
    QList<SqliteRebuild> m_rebuilds;
    SqliteRecipes m_recipes;
};

} // namespace strata
