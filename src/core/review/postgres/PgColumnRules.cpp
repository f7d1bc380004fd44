#include "review/postgres/PgColumnRules.h"

#include "review/postgres/PgSafeRewrite.h"
#include "review/postgres/PgTree.h"

namespace strata {

namespace {

/// Why adding the column writes every row, or empty when it does not (a constant or stable default).
QString rewriteReason(PgStepState& state, const QJsonObject& def, bool& notNull, bool& hasDefault)
{
    QString why;
    for (const auto& c : def.value(QStringLiteral("constraints")).toArray()) {
        const QJsonObject con = c.toObject().value(QStringLiteral("Constraint")).toObject();
        const QString contype = PgTree::str(con, "contype");
        if (contype == QLatin1String("CONSTR_NOTNULL") || contype == QLatin1String("CONSTR_PRIMARY"))
            notNull = true;
        if (contype == QLatin1String("CONSTR_DEFAULT")) {
            hasDefault = true;
            QStringList calls;
            PgTree::functionNames(con.value(QStringLiteral("raw_expr")), calls);
            for (const QString& fn : calls) {
                auto v = state.context.db.query(
                    state.context.db.catalogSql(QStringLiteral("review_function_volatility")), {fn});
                const bool volatileFn = !v || v->isEmpty() ||
                                        v->value(0, 0).toString() == QLatin1String("t") ||
                                        v->value(0, 0).toBool();
                if (volatileFn) {
                    why = QStringLiteral("its default calls %1(), which is volatile").arg(fn);
                    break;
                }
            }
        }
        if (contype == QLatin1String("CONSTR_GENERATED"))
            why = QStringLiteral("a stored generated column is computed into every row");
        if (contype == QLatin1String("CONSTR_IDENTITY"))
            why = QStringLiteral("an identity column is numbered into every row");
    }
    const QStringList type = PgTree::names(
        def.value(QStringLiteral("typeName")).toObject().value(QStringLiteral("names")).toArray());
    const QString typeName = type.isEmpty() ? QString() : type.last();
    if (typeName.endsWith(QLatin1String("serial"))) {
        hasDefault = true;
        why = QStringLiteral("%1 is numbered from a sequence into every row").arg(typeName);
    }
    return why;
}

} // namespace

void PgColumnRules::addColumn(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                              const QJsonObject& def)
{
    const QString column = PgTree::str(def, "colname");
    bool notNull = false;
    bool hasDefault = false;
    const QString rewriteWhy = rewriteReason(state, def, notNull, hasDefault);
    const TableLoad& l = state.load(table);
    if (!rewriteWhy.isEmpty()) {
        ReviewFinding& f =
            state.add(QStringLiteral("pg-volatile-default"), s, table, PgLockMode::AccessExclusive);
        f.message =
            QStringLiteral("ADD COLUMN %1 rewrites all of %2 under ACCESS EXCLUSIVE (blocks reads and "
                           "writes): %3; %4.")
                .arg(column, table.sql(), rewriteWhy, PgStepState::sizeWords(l));
        f.rewrite = PgSafeRewrite::columnThenDefault(s, table, def);
        if (f.rewrite.isEmpty())
            f.rewriteNote =
                QStringLiteral("Add the column without the default, SET DEFAULT for new rows, and "
                               "fill the old rows in batches in a no-transaction step.");
    }
    if (notNull && !hasDefault) {
        ReviewFinding& f = state.add(QStringLiteral("pg-not-null-column-without-default"), s, table,
                                     PgLockMode::AccessExclusive);
        f.message =
            QStringLiteral("ADD COLUMN %1 NOT NULL without a default fails on %2 as soon as it has a row; "
                           "%3.")
                .arg(column, table.sql(), PgStepState::sizeWords(l));
        f.rewriteNote = QStringLiteral("Add it with a constant DEFAULT (no rewrite since PostgreSQL 11), or "
                                       "nullable, filled, then made NOT NULL through a validated CHECK.");
    }
}

void PgColumnRules::columnType(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                               const QString& column, const QJsonObject& def)
{
    const QJsonObject typeName = def.value(QStringLiteral("typeName")).toObject();
    const QStringList names = PgTree::names(typeName.value(QStringLiteral("names")).toArray());
    const QString newType = names.isEmpty() ? QString() : names.last();
    const QJsonArray mods = typeName.value(QStringLiteral("typmods")).toArray();
    const int newMod = mods.isEmpty() ? -1 : PgTree::intConstant(mods.first());
    QString oldType;
    int oldMod = -1;
    QString oldText;
    auto current = state.context.db.query(state.context.db.catalogSql(QStringLiteral("review_column_type")),
                                          {table.sql(), column});
    if (current && !current->isEmpty()) {
        oldType = current->value(0, 0).toString();
        oldMod = current->value(0, 1).toInt();
        oldText = current->value(0, 2).toString();
    }
    // The changes PostgreSQL makes without touching the rows: varchar to text or to a longer varchar.
    const bool textual = oldType == QLatin1String("varchar") || oldType == QLatin1String("text");
    const bool noRewrite =
        !def.contains(QStringLiteral("raw_default")) && textual &&
        (newType == QLatin1String("text") ||
         (newType == QLatin1String("varchar") &&
          (newMod < 0 || (oldType == QLatin1String("varchar") && oldMod >= 0 && newMod + 4 >= oldMod))));
    const TableLoad& l = state.load(table);
    ReviewFinding& f =
        state.add(QStringLiteral("pg-column-type-change"), s, table, PgLockMode::AccessExclusive);
    QStringList modTexts;
    for (const auto& m : mods)
        modTexts << QString::number(PgTree::intConstant(m));
    const QString typeText =
        newType + (modTexts.isEmpty()
                       ? QString()
                       : QLatin1Char('(') + modTexts.join(QStringLiteral(", ")) + QLatin1Char(')'));
    if (noRewrite) {
        f.severity = ReviewSeverity::Warn;
        f.message = QStringLiteral("changes %1.%2 from %3: no rewrite (a longer or unlimited text type), but "
                                   "ACCESS EXCLUSIVE for a moment and clients see a new type.")
                        .arg(table.sql(), column, oldText);
    } else {
        f.message =
            QStringLiteral("changes the type of %1.%2%3: PostgreSQL rewrites the whole table and its "
                           "indexes holding ACCESS EXCLUSIVE (blocks reads and writes); %4. Clients that "
                           "read the column may break on the new type.")
                .arg(table.sql(), column,
                     oldText.isEmpty() ? QString() : QStringLiteral(" (now %1)").arg(oldText),
                     PgStepState::sizeWords(l));
    }
    f.rewrite = PgSafeRewrite::newColumnBeside(table, column, typeText);
}

void PgColumnRules::setNotNull(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                               const QString& column)
{
    if (state.notNullChecks.contains(table.sql() + QLatin1Char('.') + column))
        return; // a CHECK (col IS NOT NULL) of this step proves it: no scan (PostgreSQL 12+)
    ReviewFinding& f = state.add(QStringLiteral("pg-set-not-null"), s, table, PgLockMode::AccessExclusive);
    f.message = QStringLiteral("SET NOT NULL on %1.%2 reads every row to prove it, holding ACCESS EXCLUSIVE "
                               "(blocks reads and writes); %3.")
                    .arg(table.sql(), column, PgStepState::sizeWords(state.load(table)));
    f.rewrite = PgSafeRewrite::setNotNull(table, column);
}

} // namespace strata
