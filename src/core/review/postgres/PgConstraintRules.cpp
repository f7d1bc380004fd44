#include "review/postgres/PgConstraintRules.h"

#include "review/postgres/PgSafeRewrite.h"
#include "review/postgres/PgTree.h"

namespace strata {

namespace {

/// A CHECK (col IS NOT NULL) lets a later SET NOT NULL of the step skip its scan: remember the column.
void rememberNotNullCheck(PgStepState& state, const PgTableRef& table, const QJsonObject& con)
{
    const QJsonObject nullTest =
        con.value(QStringLiteral("raw_expr")).toObject().value(QStringLiteral("NullTest")).toObject();
    if (PgTree::str(con, "contype") != QLatin1String("CONSTR_CHECK") ||
        PgTree::str(nullTest, "nulltesttype") != QLatin1String("IS_NOT_NULL"))
        return;
    const QStringList column = PgTree::names(nullTest.value(QStringLiteral("arg"))
                                                 .toObject()
                                                 .value(QStringLiteral("ColumnRef"))
                                                 .toObject()
                                                 .value(QStringLiteral("fields"))
                                                 .toArray());
    if (!column.isEmpty())
        state.notNullChecks.insert(table.sql() + QLatin1Char('.') + column.last());
}

} // namespace

void PgConstraintRules::addConstraint(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                                      const QJsonObject& con)
{
    rememberNotNullCheck(state, table, con);
    const QString contype = PgTree::str(con, "contype");
    const bool notValid = con.value(QStringLiteral("skip_validation")).toBool();
    const TableLoad& l = state.load(table);
    if (contype == QLatin1String("CONSTR_CHECK") && !notValid) {
        ReviewFinding& f =
            state.add(QStringLiteral("pg-check-not-valid"), s, table, PgLockMode::AccessExclusive);
        f.message =
            QStringLiteral("adds a CHECK to %1 that reads every row to prove it, holding ACCESS EXCLUSIVE "
                           "(blocks reads and writes); %2.")
                .arg(table.sql(), PgStepState::sizeWords(l));
        f.rewrite = PgSafeRewrite::notValidThenValidate(s, table, con);
        if (f.rewrite.isEmpty())
            f.rewriteNote =
                QStringLiteral("Add the CHECK alone with NOT VALID, then VALIDATE CONSTRAINT in a step "
                               "of its own.");
    } else if (contype == QLatin1String("CONSTR_FOREIGN") && !notValid) {
        const PgTableRef parent = PgTableRef::fromRangeVar(con.value(QStringLiteral("pktable")).toObject());
        ReviewFinding& f =
            state.add(QStringLiteral("pg-foreign-key-not-valid"), s, table, PgLockMode::ShareRowExclusive);
        f.message =
            QStringLiteral("adds a FOREIGN KEY from %1 to %2 that checks every row of %1, holding SHARE "
                           "ROW EXCLUSIVE on both (blocks their writes); %3.")
                .arg(table.sql(), parent.sql(), PgStepState::sizeWords(l));
        f.rewrite = PgSafeRewrite::notValidThenValidate(s, table, con);
        state.covered.insert(parent.sql());
        if (f.rewrite.isEmpty())
            f.rewriteNote =
                QStringLiteral("Add the foreign key alone with NOT VALID, then VALIDATE CONSTRAINT in "
                               "a step of its own.");
    } else if ((contype == QLatin1String("CONSTR_UNIQUE") || contype == QLatin1String("CONSTR_PRIMARY")) &&
               PgTree::str(con, "indexname").isEmpty()) {
        ReviewFinding& f =
            state.add(QStringLiteral("pg-unique-without-index"), s, table, PgLockMode::AccessExclusive);
        f.message =
            QStringLiteral("adds a %1 to %2 that builds its index holding ACCESS EXCLUSIVE (blocks reads "
                           "and writes) until it is built; %3.")
                .arg(contype == QLatin1String("CONSTR_PRIMARY") ? QStringLiteral("PRIMARY KEY")
                                                                : QStringLiteral("UNIQUE constraint"),
                     table.sql(), PgStepState::sizeWords(l));
        f.rewrite = PgSafeRewrite::uniqueUsingIndex(table, con);
    }
}

} // namespace strata
