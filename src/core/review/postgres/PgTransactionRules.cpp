#include "review/postgres/PgTransactionRules.h"

#include "review/postgres/PgSafeRewrite.h"
#include "review/postgres/PgTree.h"

namespace strata {

void PgTransactionRules::transactionStatement(PgStepState& state, const PgStatement& s)
{
    // A script's own BEGIN / COMMIT end the transaction the rules look at, in any step (the planner runs a
    // step that commits in its middle outside Strata's transaction).
    const QString kind = PgTree::str(s.node, "kind");
    state.inExplicit = kind == QLatin1String("TRANS_STMT_BEGIN") || kind == QLatin1String("TRANS_STMT_START");
    state.transactionBoundary();
}

void PgTransactionRules::lockTimeoutSetting(PgStepState& state, const PgStatement& s)
{
    if (PgTree::str(s.node, "name") != QLatin1String("lock_timeout"))
        return;
    QSet<QString> values;
    PgTree::stringConstants(s.node.value(QStringLiteral("args")), values);
    const QJsonArray args = s.node.value(QStringLiteral("args")).toArray();
    const bool zero = values.contains(QStringLiteral("0")) ||
                      (!args.isEmpty() && values.isEmpty() && PgTree::intConstant(args.first()) == 0);
    // SET LOCAL outside a transaction does nothing (PostgreSQL only warns).
    const bool local = s.node.value(QStringLiteral("is_local")).toBool();
    if (local && !state.transactional && !state.inExplicit)
        return;
    state.lockTimeoutSet = PgTree::str(s.node, "kind") == QLatin1String("VAR_SET_VALUE") && !zero;
}

void PgTransactionRules::enumUse(PgStepState& state, const PgStatement& s)
{
    if (s.kind == QLatin1String("AlterEnumStmt")) {
        const QString value = PgTree::str(s.node, "newVal");
        if (!value.isEmpty() && (state.transactional || state.inExplicit))
            state.enumValues.insert(
                value,
                PgTree::names(s.node.value(QStringLiteral("typeName")).toArray()).join(QLatin1Char('.')));
        return;
    }
    if (state.enumValues.isEmpty())
        return;
    QSet<QString> constants;
    PgTree::stringConstants(s.node, constants);
    for (auto it = state.enumValues.cbegin(); it != state.enumValues.cend(); ++it) {
        if (!constants.contains(it.key()))
            continue;
        ReviewFinding& f = state.add(QStringLiteral("pg-enum-value-in-transaction"), s, {}, PgLockMode::None);
        f.message =
            QStringLiteral("uses '%1', which ALTER TYPE %2 ADD VALUE added earlier in the same "
                           "transaction: PostgreSQL refuses a new enum value until the transaction that "
                           "added it has committed (\"unsafe use of new value\").")
                .arg(it.key(), it.value());
        f.rewriteNote = QStringLiteral("Move ALTER TYPE ... ADD VALUE into a step of its own before this one "
                                       "(with -- strata:no-transaction on PostgreSQL 11 and older).");
        return;
    }
}

void PgTransactionRules::afterExclusive(PgStepState& state, const PgStatement& s)
{
    if (state.exclusiveTable.isEmpty() || state.exclusiveReported)
        return;
    // A comment or a grant only writes the catalog: over at once.
    if (s.kind == QLatin1String("CommentStmt") || s.kind == QLatin1String("GrantStmt"))
        return;
    const QString table = state.exclusiveTable.sql();
    ReviewFinding& f = state.add(QStringLiteral("pg-work-after-exclusive-lock"), s, state.exclusiveTable,
                                 PgLockMode::AccessExclusive);
    f.message =
        QStringLiteral("runs while the transaction still holds ACCESS EXCLUSIVE on %1 from an earlier "
                       "statement: every reader and writer of %1 waits until the step commits, including "
                       "for this statement's time.")
            .arg(table);
    f.rewriteNote =
        QStringLiteral("Put the statement that takes ACCESS EXCLUSIVE on %1 last in its transaction, "
                       "or move what follows it into a step of its own.")
            .arg(table);
    state.exclusiveReported = true;
}

void PgTransactionRules::missingLockTimeout(PgStepState& state, const PgStatement& s,
                                            const QList<PgTableLock>& locks)
{
    if (state.lockTimeoutSet || state.lockTimeoutReported)
        return;
    for (const auto& lock : locks) {
        if (!blocksWrites(lock.mode) || state.isNew(lock.table))
            continue;
        ReviewFinding& f = state.add(QStringLiteral("pg-missing-lock-timeout"), s, lock.table, lock.mode);
        f.message =
            QStringLiteral("asks for %1 on %2 with no lock_timeout (%3): if a long query or an idle "
                           "transaction holds %2, this statement waits without limit, and every reader "
                           "and writer of %2 queues behind it.")
                .arg(lockModeName(lock.mode), lock.table.sql(), state.noLockTimeoutWhy);
        f.rewrite = PgSafeRewrite::withLockTimeout(s, state.transactional || state.inExplicit);
        f.rewriteNote =
            QStringLiteral("Or give the step -- strata:lock-timeout 5s, or set migration.lock_timeout "
                           "in the operator config.");
        state.lockTimeoutReported = true;
        return;
    }
}

void PgTransactionRules::locks(PgStepState& state, const PgStatement& s, const QList<PgTableLock>& locks)
{
    for (const auto& lock : locks) {
        if (lock.mode >= PgLockMode::AccessExclusive && !state.exclusiveReported &&
            state.exclusiveTable.isEmpty() && !state.isNew(lock.table))
            state.exclusiveTable = lock.table;
        if (lock.mode < PgLockMode::ShareUpdateExclusive || state.covered.contains(lock.table.sql()) ||
            state.isNew(lock.table))
            continue;
        ReviewFinding& f = state.add(QStringLiteral("pg-lock"), s, lock.table, lock.mode);
        f.message = QStringLiteral("%1 on %2 (%3) for as long as the statement runs.")
                        .arg(lockModeName(lock.mode), lock.table.sql(), lockModeEffect(lock.mode));
    }
}

} // namespace strata
