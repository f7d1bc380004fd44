#include "review/PostgresReview.h"

#include <QJsonArray>
#include <QSet>

#include "review/ReviewRules.h"
#include "review/postgres/PgParsedScript.h"
#include "review/postgres/PgSafeRewrite.h"
#include "review/postgres/PgServerCheck.h"
#include "review/postgres/PgTableLock.h"

namespace strata {

namespace {

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList nameList(const QJsonArray& items)
{
    QStringList out;
    for (const auto& i : items)
        out << i.toObject()
                   .value(QStringLiteral("String"))
                   .toObject()
                   .value(QStringLiteral("sval"))
                   .toString();
    return out;
}

/// Every string constant in a parse tree (for an enum value used after ADD VALUE).
void stringConstants(const QJsonValue& v, QSet<QString>& out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("A_Const"))) {
            const QJsonObject c = o.value(QStringLiteral("A_Const")).toObject();
            if (c.contains(QStringLiteral("sval")))
                out.insert(
                    c.value(QStringLiteral("sval")).toObject().value(QStringLiteral("sval")).toString());
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            stringConstants(it.value(), out);
    } else if (v.isArray()) {
        for (const auto& e : v.toArray())
            stringConstants(e, out);
    }
}

/// The functions an expression calls, by name.
void functionNames(const QJsonValue& v, QStringList& out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("FuncCall"))) {
            const QStringList parts = nameList(
                o.value(QStringLiteral("FuncCall")).toObject().value(QStringLiteral("funcname")).toArray());
            if (!parts.isEmpty())
                out << parts.last();
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            functionNames(it.value(), out);
    } else if (v.isArray()) {
        for (const auto& e : v.toArray())
            functionNames(e, out);
    }
}

/// Reviews one step's statements in order, keeping what a rule needs to know about the ones before.
class StepWalk
{
public:
    StepWalk(StepReview& review, ReviewContext& context) : m_review(review), m_context(context)
    {
        const auto& step = review.step;
        m_transactional = step.transactional();
        m_lockTimeoutSet = (context.runLockTimeout && context.runLockTimeout->count() > 0) ||
                           (step.header.lockTimeout && step.header.lockTimeout->count() > 0);
    }

    void run(const QList<PgStatement>& statements)
    {
        for (const auto& s : statements)
            statement(s);
    }

private:
    const TableLoad& load(const PgTableRef& table) { return m_context.loads.of(table.schema, table.name); }

    /// The catalog's severity for `rule`, lowered on a table that is empty or does not exist yet: a strong
    /// lock on it is over at once, and a drop loses nothing (but running clients still break).
    ReviewSeverity severity(const QString& rule, const TableLoad& tableLoad, bool destructive = false) const
    {
        const ReviewRule* r = ReviewRules::find(rule);
        const ReviewSeverity base = r ? r->severity : ReviewSeverity::Warn;
        if (base != ReviewSeverity::Block || tableLoad.mayHaveRows())
            return base;
        return destructive ? ReviewSeverity::Warn : ReviewSeverity::Info;
    }

    ReviewFinding& add(const QString& rule, const PgStatement& s, const PgTableRef& table, PgLockMode mode,
                       bool destructive = false)
    {
        const TableLoad& l = table.isEmpty() ? m_noTable : load(table);
        ReviewFinding& f = m_review.add(
            rule, table.isEmpty() ? ReviewRules::find(rule)->severity : severity(rule, l, destructive),
            s.index, s.line, s.text);
        if (!table.isEmpty()) {
            f.table = l.table;
            f.load = l;
        }
        f.lockMode = lockModeName(mode);
        m_covered.insert(table.sql());
        return f;
    }

    static QString sizeWords(const TableLoad& l)
    {
        if (!l.read)
            return QStringLiteral("its size could not be read");
        if (!l.found)
            return QStringLiteral("it is not on the database yet, so this is instant");
        if (!l.hasRows())
            return QStringLiteral("it is empty now, so this is instant");
        return QStringLiteral("it holds %1 rows%2")
            .arg(*l.rows)
            .arg(l.rowsExact ? QString() : QStringLiteral(" (estimate)"));
    }

    void transactionBoundary()
    {
        m_enumValues.clear();
        m_exclusive.clear();
        m_exclusiveTable = {};
        m_afterExclusive = 0;
        m_exclusiveReported = false;
    }

    void statement(const PgStatement& s)
    {
        m_covered.clear();
        if (!s.parsed) {
            unparsed(s);
            if (!m_transactional)
                transactionBoundary();
            return;
        }
        if (s.kind == QLatin1String("TransactionStmt")) {
            // A script's own BEGIN / COMMIT end the transaction the rules look at, in any step (the planner
            // runs a step that commits in its middle outside Strata's transaction).
            const QString kind = str(s.node, "kind");
            m_inExplicit =
                kind == QLatin1String("TRANS_STMT_BEGIN") || kind == QLatin1String("TRANS_STMT_START");
            transactionBoundary();
            return;
        }
        if (s.kind == QLatin1String("VariableSetStmt")) {
            if (str(s.node, "name") == QLatin1String("lock_timeout")) {
                QSet<QString> values;
                stringConstants(s.node.value(QStringLiteral("args")), values);
                const QJsonArray args = s.node.value(QStringLiteral("args")).toArray();
                const bool zero =
                    values.contains(QStringLiteral("0")) || (!args.isEmpty() && values.isEmpty() &&
                                                             args.first()
                                                                     .toObject()
                                                                     .value(QStringLiteral("A_Const"))
                                                                     .toObject()
                                                                     .value(QStringLiteral("ival"))
                                                                     .toObject()
                                                                     .value(QStringLiteral("ival"))
                                                                     .toInt() == 0);
                m_lockTimeoutSet = str(s.node, "kind") == QLatin1String("VAR_SET_VALUE") && !zero;
            }
            return;
        }

        enumUse(s);
        const QList<PgTableLock> locks = PgTableLock::of(s, m_context.db);
        rules(s);
        afterExclusive(s);
        lockTimeout(s, locks);
        for (const auto& lock : locks) {
            if (lock.mode >= PgLockMode::AccessExclusive && !m_exclusiveReported && m_exclusive.isEmpty() &&
                (load(lock.table).found || !load(lock.table).read)) {
                m_exclusive = lock.table.sql();
                m_exclusiveTable = lock.table;
            }
            if (lock.mode < PgLockMode::ShareUpdateExclusive || m_covered.contains(lock.table.sql()))
                continue;
            const TableLoad& l = load(lock.table);
            if (!l.found && l.read)
                continue;
            ReviewFinding& f = add(QStringLiteral("pg-lock"), s, lock.table, lock.mode);
            f.message = QStringLiteral("%1 on %2 (%3) for as long as the statement runs.")
                            .arg(lockModeName(lock.mode), lock.table.sql(), lockModeEffect(lock.mode));
        }
        if (!m_transactional && !m_inExplicit)
            transactionBoundary();
    }

    void unparsed(const PgStatement& s)
    {
        const PgServerCheck::Verdict verdict = PgServerCheck::check(m_context.db, s.text);
        ReviewFinding& f =
            m_review.add(QStringLiteral("pg-unparsed-statement"),
                         verdict.checked && !verdict.accepted ? ReviewSeverity::Block : ReviewSeverity::Warn,
                         s.index, s.line, s.text);
        const QString why =
            QStringLiteral("libpg_query (PostgreSQL 15's parser) cannot read it (%1)").arg(s.parseError);
        if (!verdict.checked)
            f.message =
                why + QStringLiteral("; the server could not be asked either (%1). The review cannot say "
                                     "what it locks: read it by hand.")
                          .arg(verdict.message);
        else if (verdict.accepted)
            f.message =
                why + QStringLiteral("; the server parses it (nothing was run). The review cannot say what "
                                     "it locks: read it by hand.");
        else
            f.message = why + QStringLiteral("; the server refuses it too: %1. The step would fail here.")
                                  .arg(verdict.message);
        f.rewriteNote =
            QStringLiteral("Correct the statement, or allow it with -- strata:allow pg-unparsed-statement "
                           "REASON once you have read what it locks.");
    }

    void enumUse(const PgStatement& s)
    {
        if (s.kind == QLatin1String("AlterEnumStmt")) {
            const QString value = str(s.node, "newVal");
            if (!value.isEmpty() && (m_transactional || m_inExplicit))
                m_enumValues.insert(
                    value,
                    nameList(s.node.value(QStringLiteral("typeName")).toArray()).join(QLatin1Char('.')));
            return;
        }
        if (m_enumValues.isEmpty())
            return;
        QSet<QString> constants;
        stringConstants(s.node, constants);
        for (auto it = m_enumValues.cbegin(); it != m_enumValues.cend(); ++it) {
            if (!constants.contains(it.key()))
                continue;
            ReviewFinding& f = add(QStringLiteral("pg-enum-value-in-transaction"), s, {}, PgLockMode::None);
            f.message =
                QStringLiteral("uses '%1', which ALTER TYPE %2 ADD VALUE added earlier in the same "
                               "transaction: PostgreSQL refuses a new enum value until the transaction "
                               "that added it has committed (\"unsafe use of new value\").")
                    .arg(it.key(), it.value());
            f.rewriteNote =
                QStringLiteral("Move ALTER TYPE ... ADD VALUE into a step of its own before this one "
                               "(with -- strata:no-transaction on PostgreSQL 11 and older).");
            return;
        }
    }

    void afterExclusive(const PgStatement& s)
    {
        if (m_exclusive.isEmpty() || m_exclusiveReported)
            return;
        // A comment or a grant only writes the catalog: over at once.
        if (s.kind == QLatin1String("CommentStmt") || s.kind == QLatin1String("GrantStmt"))
            return;
        ++m_afterExclusive;
        ReviewFinding& f = add(QStringLiteral("pg-work-after-exclusive-lock"), s, m_exclusiveTable,
                               PgLockMode::AccessExclusive);
        f.message =
            QStringLiteral("runs while the transaction still holds ACCESS EXCLUSIVE on %1 from an earlier "
                           "statement: every reader and writer of %1 waits until the step commits, "
                           "including for this statement's time.")
                .arg(m_exclusive);
        f.rewriteNote =
            QStringLiteral("Put the statement that takes ACCESS EXCLUSIVE on %1 last in its transaction, "
                           "or move what follows it into a step of its own.")
                .arg(m_exclusive);
        m_exclusiveReported = true;
    }

    void lockTimeout(const PgStatement& s, const QList<PgTableLock>& locks)
    {
        if (m_lockTimeoutSet || m_lockTimeoutReported)
            return;
        for (const auto& lock : locks) {
            if (!blocksWrites(lock.mode))
                continue;
            const TableLoad& l = load(lock.table);
            if (l.read && !l.found)
                continue;
            ReviewFinding& f = add(QStringLiteral("pg-missing-lock-timeout"), s, lock.table, lock.mode);
            f.message = QStringLiteral("asks for %1 on %2 with no lock_timeout: if a long query or an idle "
                                       "transaction holds %2, this statement waits without limit, and every "
                                       "reader and writer of %2 queues behind it.")
                            .arg(lockModeName(lock.mode), lock.table.sql());
            f.rewrite = PgSafeRewrite::withLockTimeout(s, m_transactional || m_inExplicit);
            f.rewriteNote =
                QStringLiteral("Or give the step -- strata:lock-timeout 5s, or set migration.lock_timeout "
                               "in the operator config.");
            m_lockTimeoutReported = true;
            return;
        }
    }

    void rules(const PgStatement& s)
    {
        const QJsonObject& n = s.node;
        if (s.kind == QLatin1String("IndexStmt")) {
            if (n.value(QStringLiteral("concurrent")).toBool())
                return;
            const PgTableRef table = PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject());
            const TableLoad& l = load(table);
            if (l.read && !l.found)
                return; // a table this plan creates: nobody waits for it
            ReviewFinding& f = add(QStringLiteral("pg-index-not-concurrent"), s, table, PgLockMode::Share);
            f.message =
                QStringLiteral("builds the index holding SHARE on %1 (blocks writes) until it is built; %2.")
                    .arg(table.sql(), sizeWords(l));
            f.rewrite = PgSafeRewrite::concurrently(s);
            f.rewriteNote =
                QStringLiteral("CONCURRENTLY cannot run inside a transaction: give it a step of its own "
                               "with -- strata:no-transaction.");
        } else if (s.kind == QLatin1String("DropStmt")) {
            drop(s);
        } else if (s.kind == QLatin1String("TruncateStmt")) {
            for (const auto& r : n.value(QStringLiteral("relations")).toArray()) {
                const PgTableRef table = PgTableRef::fromRangeVar(r.toObject());
                ReviewFinding& f =
                    add(QStringLiteral("pg-truncate"), s, table, PgLockMode::AccessExclusive, true);
                f.message = QStringLiteral("deletes every row of %1 under ACCESS EXCLUSIVE; %2.")
                                .arg(table.sql(), sizeWords(f.load));
                f.rewriteNote =
                    QStringLiteral("If the rows must go, keep them first (the backup Strata takes, or a "
                                   "copy table) and say so with -- strata:allow pg-truncate REASON.");
            }
        } else if (s.kind == QLatin1String("RenameStmt")) {
            const QString type = str(n, "renameType");
            const PgTableRef table = PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject());
            if (type == QLatin1String("OBJECT_TABLE")) {
                ReviewFinding& f =
                    add(QStringLiteral("pg-rename-table"), s, table, PgLockMode::AccessExclusive);
                f.message =
                    QStringLiteral("renames %1 to %2: running clients that still name %1 fail from the "
                                   "moment the step commits.")
                        .arg(table.sql(), str(n, "newname"));
                m_renamedTables.insert(table.sql(), int(m_review.findings.size()) - 1);
                f.rewrite =
                    QStringLiteral("ALTER TABLE %1 RENAME TO %2;\nCREATE VIEW %1 AS SELECT * FROM %2; -- "
                                   "the old name keeps working until the clients move; drop it later")
                        .arg(table.sql(), str(n, "newname"));
            } else if (type == QLatin1String("OBJECT_COLUMN")) {
                ReviewFinding& f =
                    add(QStringLiteral("pg-rename-column"), s, table, PgLockMode::AccessExclusive);
                f.message =
                    QStringLiteral("renames %1.%2 to %3: running clients that still read or write %2 fail "
                                   "from the moment the step commits.")
                        .arg(table.sql(), str(n, "subname"), str(n, "newname"));
                f.rewriteNote =
                    QStringLiteral("Add the new column, write both from the clients, fill it, switch "
                                   "the reads, then drop the old column in a later version.");
            }
        } else if (s.kind == QLatin1String("AlterTableStmt")) {
            alterTable(s);
        } else if (s.kind == QLatin1String("ViewStmt")) {
            // The old name kept as a view of the renamed table: running clients go on working.
            const PgTableRef view = PgTableRef::fromRangeVar(n.value(QStringLiteral("view")).toObject());
            const auto it = m_renamedTables.constFind(view.sql());
            if (it != m_renamedTables.cend())
                m_review.findings.removeAt(*it);
            m_renamedTables.clear();
        }
    }

    void drop(const PgStatement& s)
    {
        const QJsonObject& n = s.node;
        const QString type = str(n, "removeType");
        const bool concurrent = n.value(QStringLiteral("concurrent")).toBool();
        if (type == QLatin1String("OBJECT_TABLE")) {
            for (const auto& o : n.value(QStringLiteral("objects")).toArray()) {
                const PgTableRef table = PgTableRef::fromNameList(o.toObject()
                                                                      .value(QStringLiteral("List"))
                                                                      .toObject()
                                                                      .value(QStringLiteral("items"))
                                                                      .toArray());
                const TableLoad& l = load(table);
                if (l.read && !l.found)
                    continue;
                ReviewFinding& f =
                    add(QStringLiteral("pg-drop-table"), s, table, PgLockMode::AccessExclusive, true);
                f.message = QStringLiteral("drops %1 and its rows; %2. Clients still using it fail.")
                                .arg(table.sql(), sizeWords(l));
                f.rewriteNote =
                    QStringLiteral("Stop the clients using it first, then drop it in a later version; keep "
                                   "the rows (Strata's backup, or a renamed copy) until you are sure.");
            }
        } else if (type == QLatin1String("OBJECT_INDEX") && !concurrent) {
            for (const auto& lock : PgTableLock::of(s, m_context.db)) {
                ReviewFinding& f =
                    add(QStringLiteral("pg-drop-index-not-concurrent"), s, lock.table, lock.mode);
                f.message = QStringLiteral("drops the index holding ACCESS EXCLUSIVE on %1 (blocks reads and "
                                           "writes), and waits for every running query on %1 first.")
                                .arg(lock.table.sql());
                f.rewrite = PgSafeRewrite::concurrently(s);
                f.rewriteNote =
                    QStringLiteral("DROP INDEX CONCURRENTLY cannot run inside a transaction: give it a "
                                   "step of its own with -- strata:no-transaction.");
            }
        }
    }

    void alterTable(const PgStatement& s)
    {
        const QJsonObject& n = s.node;
        if (str(n, "objtype") != QLatin1String("OBJECT_TABLE"))
            return;
        const PgTableRef table = PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject());
        const TableLoad& l = load(table);
        if (l.read && !l.found)
            return; // created by this plan: nothing on it yet
        for (const auto& c : n.value(QStringLiteral("cmds")).toArray()) {
            const QJsonObject cmd = c.toObject().value(QStringLiteral("AlterTableCmd")).toObject();
            const QString sub = str(cmd, "subtype");
            const QJsonObject def = cmd.value(QStringLiteral("def")).toObject();
            if (sub == QLatin1String("AT_AddColumn"))
                addColumn(s, table, def.value(QStringLiteral("ColumnDef")).toObject());
            else if (sub == QLatin1String("AT_AlterColumnType"))
                columnType(s, table, str(cmd, "name"), def.value(QStringLiteral("ColumnDef")).toObject());
            else if (sub == QLatin1String("AT_SetNotNull")) {
                if (m_notNullChecks.contains(table.sql() + QLatin1Char('.') + str(cmd, "name")))
                    continue; // a CHECK (col IS NOT NULL) of this step proves it: no scan (PostgreSQL 12+)
                ReviewFinding& f =
                    add(QStringLiteral("pg-set-not-null"), s, table, PgLockMode::AccessExclusive);
                f.message =
                    QStringLiteral("SET NOT NULL on %1.%2 reads every row to prove it, holding ACCESS "
                                   "EXCLUSIVE (blocks reads and writes); %3.")
                        .arg(table.sql(), str(cmd, "name"), sizeWords(l));
                f.rewrite = PgSafeRewrite::setNotNull(table, str(cmd, "name"));
            } else if (sub == QLatin1String("AT_DropColumn")) {
                ReviewFinding& f =
                    add(QStringLiteral("pg-drop-column"), s, table, PgLockMode::AccessExclusive, true);
                f.message =
                    QStringLiteral("drops %1.%2 and its data; running clients that read or write it fail.")
                        .arg(table.sql(), str(cmd, "name"));
                f.rewriteNote =
                    QStringLiteral("Stop every client from using the column first (release them), then "
                                   "drop it in a later version.");
            } else if (sub == QLatin1String("AT_AddConstraint")) {
                addConstraint(s, table, def.value(QStringLiteral("Constraint")).toObject());
            }
        }
    }

    void addColumn(const PgStatement& s, const PgTableRef& table, const QJsonObject& def)
    {
        const QString column = str(def, "colname");
        const QStringList type = nameList(
            def.value(QStringLiteral("typeName")).toObject().value(QStringLiteral("names")).toArray());
        const QString typeName = type.isEmpty() ? QString() : type.last();
        bool notNull = false;
        bool hasDefault = false;
        QString rewriteWhy;
        for (const auto& c : def.value(QStringLiteral("constraints")).toArray()) {
            const QJsonObject con = c.toObject().value(QStringLiteral("Constraint")).toObject();
            const QString contype = str(con, "contype");
            if (contype == QLatin1String("CONSTR_NOTNULL") || contype == QLatin1String("CONSTR_PRIMARY"))
                notNull = true;
            if (contype == QLatin1String("CONSTR_DEFAULT")) {
                hasDefault = true;
                QStringList calls;
                functionNames(con.value(QStringLiteral("raw_expr")), calls);
                for (const QString& fn : calls) {
                    auto v = m_context.db.query(
                        m_context.db.catalogSql(QStringLiteral("review_function_volatility")), {fn});
                    const bool volatileFn = !v || v->isEmpty() ||
                                            v->value(0, 0).toString() == QLatin1String("t") ||
                                            v->value(0, 0).toBool();
                    if (volatileFn) {
                        rewriteWhy = QStringLiteral("its default calls %1(), which is volatile").arg(fn);
                        break;
                    }
                }
            }
            if (contype == QLatin1String("CONSTR_GENERATED"))
                rewriteWhy = QStringLiteral("a stored generated column is computed into every row");
            if (contype == QLatin1String("CONSTR_IDENTITY"))
                rewriteWhy = QStringLiteral("an identity column is numbered into every row");
        }
        if (typeName.endsWith(QLatin1String("serial"))) {
            hasDefault = true;
            rewriteWhy = QStringLiteral("%1 is numbered from a sequence into every row").arg(typeName);
        }
        const TableLoad& l = load(table);
        if (!rewriteWhy.isEmpty()) {
            ReviewFinding& f =
                add(QStringLiteral("pg-volatile-default"), s, table, PgLockMode::AccessExclusive);
            f.message =
                QStringLiteral("ADD COLUMN %1 rewrites all of %2 under ACCESS EXCLUSIVE (blocks reads and "
                               "writes): %3; %4.")
                    .arg(column, table.sql(), rewriteWhy, sizeWords(l));
            f.rewrite = PgSafeRewrite::columnThenDefault(s, table, def);
            if (f.rewrite.isEmpty())
                f.rewriteNote =
                    QStringLiteral("Add the column without the default, SET DEFAULT for new rows, and "
                                   "fill the old rows in batches in a no-transaction step.");
        }
        if (notNull && !hasDefault) {
            ReviewFinding& f = add(QStringLiteral("pg-not-null-column-without-default"), s, table,
                                   PgLockMode::AccessExclusive);
            f.message =
                QStringLiteral("ADD COLUMN %1 NOT NULL without a default fails on %2 as soon as it has a "
                               "row; %3.")
                    .arg(column, table.sql(), sizeWords(l));
            f.rewriteNote =
                QStringLiteral("Add it with a constant DEFAULT (no rewrite since PostgreSQL 11), or "
                               "nullable, filled, then made NOT NULL through a validated CHECK.");
        }
    }

    void columnType(const PgStatement& s, const PgTableRef& table, const QString& column,
                    const QJsonObject& def)
    {
        const QJsonObject typeName = def.value(QStringLiteral("typeName")).toObject();
        const QStringList names = nameList(typeName.value(QStringLiteral("names")).toArray());
        const QString newType = names.isEmpty() ? QString() : names.last();
        int newMod = -1;
        const QJsonArray mods = typeName.value(QStringLiteral("typmods")).toArray();
        if (!mods.isEmpty())
            newMod = mods.first()
                         .toObject()
                         .value(QStringLiteral("A_Const"))
                         .toObject()
                         .value(QStringLiteral("ival"))
                         .toObject()
                         .value(QStringLiteral("ival"))
                         .toInt();
        QString oldType;
        int oldMod = -1;
        QString oldText;
        auto current = m_context.db.query(m_context.db.catalogSql(QStringLiteral("review_column_type")),
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
        const TableLoad& l = load(table);
        ReviewFinding& f =
            add(QStringLiteral("pg-column-type-change"), s, table, PgLockMode::AccessExclusive);
        QStringList modTexts;
        for (const auto& m : mods)
            modTexts << QString::number(m.toObject()
                                            .value(QStringLiteral("A_Const"))
                                            .toObject()
                                            .value(QStringLiteral("ival"))
                                            .toObject()
                                            .value(QStringLiteral("ival"))
                                            .toInt());
        const QString typeText =
            newType + (modTexts.isEmpty()
                           ? QString()
                           : QLatin1Char('(') + modTexts.join(QStringLiteral(", ")) + QLatin1Char(')'));
        if (noRewrite) {
            f.severity = ReviewSeverity::Warn;
            f.message =
                QStringLiteral("changes %1.%2 from %3: no rewrite (a longer or unlimited text type), but "
                               "ACCESS EXCLUSIVE for a moment and clients see a new type.")
                    .arg(table.sql(), column, oldText);
        } else {
            f.message =
                QStringLiteral("changes the type of %1.%2%3: PostgreSQL rewrites the whole table and its "
                               "indexes holding ACCESS EXCLUSIVE (blocks reads and writes); %4. Clients "
                               "that read the column may break on the new type.")
                    .arg(table.sql(), column,
                         oldText.isEmpty() ? QString() : QStringLiteral(" (now %1)").arg(oldText),
                         sizeWords(l));
        }
        f.rewrite = PgSafeRewrite::newColumnBeside(table, column, typeText);
    }

    void addConstraint(const PgStatement& s, const PgTableRef& table, const QJsonObject& con)
    {
        const QString contype = str(con, "contype");
        const QJsonObject nullTest =
            con.value(QStringLiteral("raw_expr")).toObject().value(QStringLiteral("NullTest")).toObject();
        if (contype == QLatin1String("CONSTR_CHECK") &&
            str(nullTest, "nulltesttype") == QLatin1String("IS_NOT_NULL")) {
            const QStringList column = nameList(nullTest.value(QStringLiteral("arg"))
                                                    .toObject()
                                                    .value(QStringLiteral("ColumnRef"))
                                                    .toObject()
                                                    .value(QStringLiteral("fields"))
                                                    .toArray());
            if (!column.isEmpty())
                m_notNullChecks.insert(table.sql() + QLatin1Char('.') + column.last());
        }
        const bool notValid = con.value(QStringLiteral("skip_validation")).toBool();
        const TableLoad& l = load(table);
        if (contype == QLatin1String("CONSTR_CHECK") && !notValid) {
            ReviewFinding& f =
                add(QStringLiteral("pg-check-not-valid"), s, table, PgLockMode::AccessExclusive);
            f.message = QStringLiteral(
                            "adds a CHECK to %1 that reads every row to prove it, holding ACCESS EXCLUSIVE "
                            "(blocks reads and writes); %2.")
                            .arg(table.sql(), sizeWords(l));
            f.rewrite = PgSafeRewrite::notValidThenValidate(s, table, con);
            if (f.rewrite.isEmpty())
                f.rewriteNote =
                    QStringLiteral("Add the CHECK alone with NOT VALID, then VALIDATE CONSTRAINT in a step "
                                   "of its own.");
        } else if (contype == QLatin1String("CONSTR_FOREIGN") && !notValid) {
            const PgTableRef parent =
                PgTableRef::fromRangeVar(con.value(QStringLiteral("pktable")).toObject());
            ReviewFinding& f =
                add(QStringLiteral("pg-foreign-key-not-valid"), s, table, PgLockMode::ShareRowExclusive);
            f.message =
                QStringLiteral("adds a FOREIGN KEY from %1 to %2 that checks every row of %1, holding SHARE "
                               "ROW EXCLUSIVE on both (blocks their writes); %3.")
                    .arg(table.sql(), parent.sql(), sizeWords(l));
            f.rewrite = PgSafeRewrite::notValidThenValidate(s, table, con);
            m_covered.insert(parent.sql());
            if (f.rewrite.isEmpty())
                f.rewriteNote =
                    QStringLiteral("Add the foreign key alone with NOT VALID, then VALIDATE CONSTRAINT in "
                                   "a step of its own.");
        } else if ((contype == QLatin1String("CONSTR_UNIQUE") ||
                    contype == QLatin1String("CONSTR_PRIMARY")) &&
                   str(con, "indexname").isEmpty()) {
            ReviewFinding& f =
                add(QStringLiteral("pg-unique-without-index"), s, table, PgLockMode::AccessExclusive);
            f.message =
                QStringLiteral("adds a %1 to %2 that builds its index holding ACCESS EXCLUSIVE (blocks reads "
                               "and writes) until it is built; %3.")
                    .arg(contype == QLatin1String("CONSTR_PRIMARY") ? QStringLiteral("PRIMARY KEY")
                                                                    : QStringLiteral("UNIQUE constraint"),
                         table.sql(), sizeWords(l));
            f.rewrite = PgSafeRewrite::uniqueUsingIndex(table, con);
        }
    }

    StepReview& m_review;
    ReviewContext& m_context;
    TableLoad m_noTable;
    bool m_transactional = true;
    bool m_inExplicit = false;
    bool m_lockTimeoutSet = false;
    bool m_lockTimeoutReported = false;
    QHash<QString, QString> m_enumValues; ///< value -> enum type, added in this transaction
    QString m_exclusive;                  ///< the table this transaction holds ACCESS EXCLUSIVE on
    PgTableRef m_exclusiveTable;
    int m_afterExclusive = 0;
    bool m_exclusiveReported = false;
    QSet<QString> m_covered;             ///< tables a finding of this statement already names
    QSet<QString> m_notNullChecks;       ///< "table.column" with a CHECK (column IS NOT NULL) in this step
    QHash<QString, int> m_renamedTables; ///< old name -> its pg-rename-table finding, until the next view
};

} // namespace

Status PostgresReview::review(StepReview& review, ReviewContext& context)
{
    StepWalk walk(review, context);
    walk.run(PgParsedScript::parse(review.step.forwardSql, review.step.forwardFirstLine));
    return {};
}

} // namespace strata
