#include "review/PostgresReview.h"

#include "review/postgres/PgColumnRules.h"
#include "review/postgres/PgConstraintRules.h"
#include "review/postgres/PgDestructiveRules.h"
#include "review/postgres/PgIndexRules.h"
#include "review/postgres/PgParsedScript.h"
#include "review/postgres/PgTransactionRules.h"
#include "review/postgres/PgTree.h"
#include "review/postgres/PgUnparsedRule.h"

namespace strata {

namespace {

/// ALTER TABLE: each sub-command to the rule family that knows it.
void alterTable(PgStepState& state, const PgStatement& s)
{
    const QJsonObject& n = s.node;
    if (PgTree::str(n, "objtype") != QLatin1String("OBJECT_TABLE"))
        return;
    const PgTableRef table = PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject());
    if (state.isNew(table))
        return; // created by this plan: nothing on it yet
    for (const auto& c : n.value(QStringLiteral("cmds")).toArray()) {
        const QJsonObject cmd = c.toObject().value(QStringLiteral("AlterTableCmd")).toObject();
        const QString sub = PgTree::str(cmd, "subtype");
        const QJsonObject def = cmd.value(QStringLiteral("def")).toObject();
        const QString column = PgTree::str(cmd, "name");
        if (sub == QLatin1String("AT_AddColumn"))
            PgColumnRules::addColumn(state, s, table, def.value(QStringLiteral("ColumnDef")).toObject());
        else if (sub == QLatin1String("AT_AlterColumnType"))
            PgColumnRules::columnType(state, s, table, column,
                                      def.value(QStringLiteral("ColumnDef")).toObject());
        else if (sub == QLatin1String("AT_SetNotNull"))
            PgColumnRules::setNotNull(state, s, table, column);
        else if (sub == QLatin1String("AT_DropColumn"))
            PgDestructiveRules::dropColumn(state, s, table, column);
        else if (sub == QLatin1String("AT_AddConstraint"))
            PgConstraintRules::addConstraint(state, s, table,
                                             def.value(QStringLiteral("Constraint")).toObject());
    }
}

/// The rules of one kind of statement.
void statementRules(PgStepState& state, const PgStatement& s)
{
    const QString type = PgTree::str(s.node, "removeType");
    if (s.kind == QLatin1String("IndexStmt"))
        PgIndexRules::createIndex(state, s);
    else if (s.kind == QLatin1String("DropStmt") && type == QLatin1String("OBJECT_INDEX"))
        PgIndexRules::dropIndex(state, s);
    else if (s.kind == QLatin1String("DropStmt") && type == QLatin1String("OBJECT_TABLE"))
        PgDestructiveRules::dropTable(state, s);
    else if (s.kind == QLatin1String("TruncateStmt"))
        PgDestructiveRules::truncate(state, s);
    else if (s.kind == QLatin1String("RenameStmt"))
        PgDestructiveRules::rename(state, s);
    else if (s.kind == QLatin1String("AlterTableStmt"))
        alterTable(state, s);
    else if (s.kind == QLatin1String("ViewStmt"))
        PgDestructiveRules::view(state, s);
}

void statement(PgStepState& state, const PgStatement& s)
{
    state.covered.clear();
    if (!s.parsed) {
        PgUnparsedRule::check(state, s);
        if (!state.transactional)
            state.transactionBoundary();
        return;
    }
    if (s.kind == QLatin1String("TransactionStmt")) {
        PgTransactionRules::transactionStatement(state, s);
        return;
    }
    if (s.kind == QLatin1String("VariableSetStmt")) {
        PgTransactionRules::lockTimeoutSetting(state, s);
        return;
    }
    PgTransactionRules::enumUse(state, s);
    const QList<PgTableLock> locks = PgTableLock::of(s, state.context.db);
    statementRules(state, s);
    PgTransactionRules::afterExclusive(state, s);
    PgTransactionRules::missingLockTimeout(state, s, locks);
    PgTransactionRules::locks(state, s, locks);
    if (!state.transactional && !state.inExplicit)
        state.transactionBoundary();
}

} // namespace

Status PostgresReview::review(StepReview& review, ReviewContext& context)
{
    PgStepState state(review, context);
    for (const auto& s : PgParsedScript::parse(review.step.forwardSql, review.step.forwardFirstLine))
        statement(state, s);
    return {};
}

} // namespace strata
