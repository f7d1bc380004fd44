#include "review/postgres/PgDestructiveRules.h"

#include "review/postgres/PgTree.h"

namespace strata {

void PgDestructiveRules::dropTable(PgStepState& state, const PgStatement& s)
{
    for (const auto& o : s.node.value(QStringLiteral("objects")).toArray()) {
        const PgTableRef table = PgTableRef::fromNameList(
            o.toObject().value(QStringLiteral("List")).toObject().value(QStringLiteral("items")).toArray());
        if (state.isNew(table))
            continue;
        const TableLoad& l = state.load(table);
        ReviewFinding& f =
            state.add(QStringLiteral("pg-drop-table"), s, table, PgLockMode::AccessExclusive, true);
        f.message = QStringLiteral("drops %1 and its rows; %2. Clients still using it fail.")
                        .arg(table.sql(), PgStepState::sizeWords(l));
        f.rewriteNote =
            QStringLiteral("Stop the clients using it first, then drop it in a later version; keep "
                           "the rows (Strata's backup, or a renamed copy) until you are sure.");
    }
}

void PgDestructiveRules::dropColumn(PgStepState& state, const PgStatement& s, const PgTableRef& table,
                                    const QString& column)
{
    ReviewFinding& f =
        state.add(QStringLiteral("pg-drop-column"), s, table, PgLockMode::AccessExclusive, true);
    f.message = QStringLiteral("drops %1.%2 and its data; running clients that read or write it fail.")
                    .arg(table.sql(), column);
    f.rewriteNote = QStringLiteral("Stop every client from using the column first (release them), then drop "
                                   "it in a later version.");
}

void PgDestructiveRules::truncate(PgStepState& state, const PgStatement& s)
{
    for (const auto& r : s.node.value(QStringLiteral("relations")).toArray()) {
        const PgTableRef table = PgTableRef::fromRangeVar(r.toObject());
        ReviewFinding& f =
            state.add(QStringLiteral("pg-truncate"), s, table, PgLockMode::AccessExclusive, true);
        f.message = QStringLiteral("deletes every row of %1 under ACCESS EXCLUSIVE; %2.")
                        .arg(table.sql(), PgStepState::sizeWords(f.load));
        f.rewriteNote =
            QStringLiteral("If the rows must go, keep them first (the backup Strata takes, or a copy "
                           "table) and say so with -- strata:allow pg-truncate REASON.");
    }
}

void PgDestructiveRules::rename(PgStepState& state, const PgStatement& s)
{
    const QJsonObject& n = s.node;
    const QString type = PgTree::str(n, "renameType");
    const PgTableRef table = PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject());
    const QString newName = PgTree::str(n, "newname");
    if (type == QLatin1String("OBJECT_TABLE")) {
        ReviewFinding& f =
            state.add(QStringLiteral("pg-rename-table"), s, table, PgLockMode::AccessExclusive);
        f.message =
            QStringLiteral("renames %1 to %2: running clients that still name %1 fail from the moment "
                           "the step commits.")
                .arg(table.sql(), newName);
        state.renamedTables.insert(table.sql(), int(state.review.findings.size()) - 1);
        f.rewrite =
            QStringLiteral("ALTER TABLE %1 RENAME TO %2;\nCREATE VIEW %1 AS SELECT * FROM %2; -- the old "
                           "name keeps working until the clients move; drop it later")
                .arg(table.sql(), newName);
    } else if (type == QLatin1String("OBJECT_COLUMN")) {
        ReviewFinding& f =
            state.add(QStringLiteral("pg-rename-column"), s, table, PgLockMode::AccessExclusive);
        f.message =
            QStringLiteral("renames %1.%2 to %3: running clients that still read or write %2 fail from "
                           "the moment the step commits.")
                .arg(table.sql(), PgTree::str(n, "subname"), newName);
        f.rewriteNote = QStringLiteral("Add the new column, write both from the clients, fill it, switch the "
                                       "reads, then drop the old column in a later version.");
    }
}

void PgDestructiveRules::view(PgStepState& state, const PgStatement& s)
{
    const PgTableRef view = PgTableRef::fromRangeVar(s.node.value(QStringLiteral("view")).toObject());
    const auto it = state.renamedTables.constFind(view.sql());
    if (it != state.renamedTables.cend())
        state.review.findings.removeAt(*it);
    state.renamedTables.clear();
}

} // namespace strata
