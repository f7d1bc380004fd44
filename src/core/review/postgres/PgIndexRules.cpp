#include "review/postgres/PgIndexRules.h"

#include "review/postgres/PgSafeRewrite.h"
#include "review/postgres/PgTableLock.h"

namespace strata {

void PgIndexRules::createIndex(PgStepState& state, const PgStatement& s)
{
    if (s.node.value(QStringLiteral("concurrent")).toBool())
        return;
    const PgTableRef table = PgTableRef::fromRangeVar(s.node.value(QStringLiteral("relation")).toObject());
    if (state.isNew(table))
        return; // a table this plan creates: nobody waits for it
    const TableLoad& l = state.load(table);
    ReviewFinding& f = state.add(QStringLiteral("pg-index-not-concurrent"), s, table, PgLockMode::Share);
    f.message = QStringLiteral("builds the index holding SHARE on %1 (blocks writes) until it is built; %2.")
                    .arg(table.sql(), PgStepState::sizeWords(l));
    f.rewrite = PgSafeRewrite::concurrently(s);
    f.rewriteNote = QStringLiteral("CONCURRENTLY cannot run inside a transaction: give it a step of its own "
                                   "with -- strata:no-transaction.");
}

void PgIndexRules::dropIndex(PgStepState& state, const PgStatement& s)
{
    if (s.node.value(QStringLiteral("concurrent")).toBool())
        return;
    for (const auto& lock : PgTableLock::of(s, state.context.db)) {
        ReviewFinding& f =
            state.add(QStringLiteral("pg-drop-index-not-concurrent"), s, lock.table, lock.mode);
        f.message =
            QStringLiteral("drops the index holding ACCESS EXCLUSIVE on %1 (blocks reads and writes), "
                           "and waits for every running query on %1 first.")
                .arg(lock.table.sql());
        f.rewrite = PgSafeRewrite::concurrently(s);
        f.rewriteNote =
            QStringLiteral("DROP INDEX CONCURRENTLY cannot run inside a transaction: give it a step "
                           "of its own with -- strata:no-transaction.");
    }
}

} // namespace strata
