#pragma once

#include <QHash>
#include <QSet>

#include "review/ReviewContext.h"
#include "review/StepReview.h"
#include "review/postgres/PgLockMode.h"
#include "review/postgres/PgStatement.h"
#include "review/postgres/PgTableRef.h"

namespace strata {

/// What the PostgreSQL rules know while they walk one step's statements in order: the step's review they
/// add to, the live tables, and what the statements before did in the current transaction.
class PgStepState
{
public:
    PgStepState(StepReview& review, ReviewContext& context);

    /// The live size and users of `table` (read once per plan).
    const TableLoad& load(const PgTableRef& table);
    /// Adds a finding of `rule` about statement `s` on `table` (none: empty), holding `mode`. Its severity
    /// is the catalog's, lowered on a table that is empty or not on the database yet (severity()).
    ReviewFinding& add(const QString& rule, const PgStatement& s, const PgTableRef& table, PgLockMode mode,
                       bool destructive = false);
    /// The catalog's severity for `rule`, lowered on a table that is empty or does not exist yet: a strong
    /// lock on it is over at once, and a drop loses nothing (but running clients still break).
    static ReviewSeverity severity(const QString& rule, const TableLoad& load, bool destructive = false);
    /// "it holds 2,000 rows", "it is empty now, so this is instant", ... for a finding's message.
    static QString sizeWords(const TableLoad& load);
    /// The current transaction ended: forget what only lasts as long as it.
    void transactionBoundary();
    /// A table the plan creates: not on the database (and the catalog said so).
    bool isNew(const PgTableRef& table) { return load(table).read && !load(table).found; }

    StepReview& review;
    ReviewContext& context;
    bool transactional = true; ///< the step runs in Strata's transaction
    bool inExplicit = false;   ///< inside the script's own BEGIN ... COMMIT
    bool lockTimeoutSet = false;
    QString noLockTimeoutWhy; ///< why the run sets no lock_timeout for this step, when it does not
    bool lockTimeoutReported = false;
    QHash<QString, QString> enumValues; ///< value -> enum type, added in this transaction
    PgTableRef exclusiveTable;          ///< the table this transaction holds ACCESS EXCLUSIVE on
    bool exclusiveReported = false;
    QSet<QString> covered;             ///< tables a finding of the current statement already names
    QSet<QString> notNullChecks;       ///< "table.column" with a CHECK (column IS NOT NULL) in this step
    QHash<QString, int> renamedTables; ///< old name -> its pg-rename-table finding, until the next view

private:
    TableLoad m_noTable;
};

} // namespace strata
