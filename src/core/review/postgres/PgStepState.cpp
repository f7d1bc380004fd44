#include "review/postgres/PgStepState.h"

#include <QLocale>

#include "review/ReviewRules.h"
#include "timeouts/StepTimeouts.h"

namespace strata {

PgStepState::PgStepState(StepReview& stepReview, ReviewContext& reviewContext)
    : review(stepReview), context(reviewContext)
{
    const auto& step = review.step;
    transactional = step.transactional();
    // The lock_timeout the run sets for this step, as the runner decides it.
    StepTimeouts run;
    run.lockTimeout = context.runLockTimeout;
    const StepLimits limits = run.limitsFor(step);
    lockTimeoutSet = !limits.lockTimeout || limits.lockTimeout->count() > 0;
    if (lockTimeoutSet)
        return;
    if (step.header.lockTimeout)
        noLockTimeoutWhy = QStringLiteral("the step's -- strata:lock-timeout 0 sets none");
    else if (!step.transactional())
        noLockTimeoutWhy = QStringLiteral("the step runs without a transaction, where Strata sets none (a "
                                          "CONCURRENTLY build stopped half-way leaves an invalid index)");
    else
        noLockTimeoutWhy = QStringLiteral("the operator config's migration.lock_timeout is 0");
}

const TableLoad& PgStepState::load(const PgTableRef& table)
{
    return context.loads.of(table.schema, table.name);
}

ReviewSeverity PgStepState::severity(const QString& rule, const TableLoad& load, bool destructive)
{
    const ReviewRule* r = ReviewRules::find(rule);
    const ReviewSeverity base = r ? r->severity : ReviewSeverity::Warn;
    if (base != ReviewSeverity::Block || load.mayHaveRows())
        return base;
    return destructive ? ReviewSeverity::Warn : ReviewSeverity::Info;
}

ReviewFinding& PgStepState::add(const QString& rule, const PgStatement& s, const PgTableRef& table,
                                PgLockMode mode, bool destructive)
{
    const TableLoad& l = table.isEmpty() ? m_noTable : load(table);
    ReviewFinding& f =
        review.add(rule, table.isEmpty() ? ReviewRules::find(rule)->severity : severity(rule, l, destructive),
                   s.index, s.line, s.text);
    if (!table.isEmpty()) {
        f.table = l.table;
        f.load = l;
    }
    f.lockMode = lockModeName(mode);
    covered.insert(table.sql());
    return f;
}

QString PgStepState::sizeWords(const TableLoad& l)
{
    if (!l.read)
        return QStringLiteral("its size could not be read");
    if (!l.found)
        return QStringLiteral("it is not on the database yet, so this is instant");
    if (!l.hasRows())
        return QStringLiteral("it is empty now, so this is instant");
    QLocale locale = QLocale::c();
    locale.setNumberOptions({});
    return QStringLiteral("it holds %1 rows%2")
        .arg(locale.toString(*l.rows), l.rowsExact ? QString() : QStringLiteral(" (estimate)"));
}

void PgStepState::transactionBoundary()
{
    enumValues.clear();
    exclusiveTable = {};
    exclusiveReported = false;
}

} // namespace strata
