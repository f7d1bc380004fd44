#pragma once

#include "review/ReviewContext.h"
#include "review/StepReview.h"
#include "review/sqlite/SqliteRebuild.h"
#include "review/sqlite/SqliteRecipes.h"
#include "review/sqlite/SqliteStepStatements.h"

namespace strata {

/// Applies the SQLite rules to one step: each statement classified, the hand-written rebuilds found, and
/// every finding joined with the live table's size and users.
class SqliteStepReviewer
{
public:
    /// SQLite versions the rules depend on (sqlite3_libversion_number()).
    static constexpr int kRenameColumnVersion = 3'025'000;
    static constexpr int kDropColumnVersion = 3'035'000;
    /// A NOT NULL column without default, a non-constant default and a STORED column are refused only when
    /// the table has rows (sqlite3ErrorIfNotEmpty) in SQLite's sources from 3.33 on (3.40.1 checked by the
    /// tests); the review takes older versions as refusing them always, which at worst over-warns.
    static constexpr int kEmptyTableAddColumnVersion = 3'033'000;
    /// An UPDATE or DELETE matching more rows than this holds the write lock long enough to matter.
    static constexpr qint64 kLargeWriteRows = 10'000;
    /// A WHERE no index serves makes an UPDATE or DELETE read every row; above this many rows the scan alone
    /// holds the write lock long enough to matter (and the review does not count the matches: that would be
    /// the same scan).
    static constexpr qint64 kLargeScanRows = 100'000;

    SqliteStepReviewer(StepReview& review, ReviewContext& context);
    Status run();

private:
    void alterUnsupported(const SqliteStepStatement& s);
    void addColumn(const SqliteStepStatement& s);
    Status dropColumn(const SqliteStepStatement& s);
    void renameColumn(const SqliteStepStatement& s);
    void renameTable(const SqliteStepStatement& s);
    void dropTable(const SqliteStepStatement& s);
    void createIndex(const SqliteStepStatement& s);
    Status write(const SqliteStepStatement& s);
    void vacuum(const SqliteStepStatement& s);
    Status rebuild(const SqliteRebuild& r);

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
    int version() const;

    StepReview& m_review;
    ReviewContext& m_context;
    QList<SqliteStepStatement> m_statements;
    QList<SqliteRebuild> m_rebuilds;
    SqliteRecipes m_recipes;
};

} // namespace strata
