#include "review/postgres/PgTableLock.h"

#include <QJsonArray>

#include "connection/Database.h"

namespace strata {

namespace {

void take(QList<PgTableLock>& locks, const PgTableRef& table, PgLockMode mode)
{
    if (table.isEmpty() || mode == PgLockMode::None)
        return;
    for (auto& lock : locks)
        if (lock.table == table) {
            lock.mode = std::max(lock.mode, mode);
            return;
        }
    locks.append({table, mode});
}

PgLockMode lockStmtMode(int mode)
{
    // LOCK TABLE's modes, numbered as in PostgreSQL's lockdefs.h (AccessShareLock = 1 ...).
    return mode >= 1 && mode <= 8 ? PgLockMode(mode) : PgLockMode::AccessExclusive;
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

PgLockMode PgTableLock::alterTableLevel(const QJsonObject& cmd)
{
    const QString subtype = str(cmd, "subtype");
    // PostgreSQL's AlterTableGetLockLevel: most sub-commands take ACCESS EXCLUSIVE.
    if (subtype == QLatin1String("AT_ValidateConstraint") || subtype == QLatin1String("AT_SetStatistics") ||
        subtype == QLatin1String("AT_ClusterOn") || subtype == QLatin1String("AT_DropCluster") ||
        subtype == QLatin1String("AT_SetRelOptions") || subtype == QLatin1String("AT_ResetRelOptions") ||
        subtype == QLatin1String("AT_ReplaceRelOptions") || subtype == QLatin1String("AT_AttachPartition") ||
        subtype == QLatin1String("AT_SetOptions") || subtype == QLatin1String("AT_ResetOptions") ||
        subtype == QLatin1String("AT_DetachPartitionFinalize"))
        return PgLockMode::ShareUpdateExclusive;
    if (subtype == QLatin1String("AT_DetachPartition"))
        return cmd.value(QStringLiteral("def"))
                       .toObject()
                       .value(QStringLiteral("PartitionCmd"))
                       .toObject()
                       .value(QStringLiteral("concurrent"))
                       .toBool()
                   ? PgLockMode::ShareUpdateExclusive
                   : PgLockMode::AccessExclusive;
    if (subtype.startsWith(QLatin1String("AT_EnableTrig")) ||
        subtype.startsWith(QLatin1String("AT_DisableTrig")) ||
        subtype == QLatin1String("AT_EnableAlwaysTrig") || subtype == QLatin1String("AT_EnableReplicaTrig"))
        return PgLockMode::ShareRowExclusive;
    if (subtype == QLatin1String("AT_AddConstraint")) {
        const QJsonObject c =
            cmd.value(QStringLiteral("def")).toObject().value(QStringLiteral("Constraint")).toObject();
        if (str(c, "contype") == QLatin1String("CONSTR_FOREIGN"))
            return PgLockMode::ShareRowExclusive;
    }
    return PgLockMode::AccessExclusive;
}

QList<PgTableLock> PgTableLock::of(const PgStatement& s, Database& db)
{
    QList<PgTableLock> locks;
    if (!s.parsed)
        return locks;
    const QJsonObject& n = s.node;
    const QString& kind = s.kind;
    if (kind == QLatin1String("IndexStmt")) {
        take(locks, PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject()),
             n.value(QStringLiteral("concurrent")).toBool() ? PgLockMode::ShareUpdateExclusive
                                                            : PgLockMode::Share);
    } else if (kind == QLatin1String("AlterTableStmt")) {
        if (str(n, "objtype") != QLatin1String("OBJECT_TABLE") &&
            str(n, "objtype") != QLatin1String("OBJECT_MATVIEW"))
            return locks;
        const PgTableRef table = PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject());
        for (const auto& c : n.value(QStringLiteral("cmds")).toArray()) {
            const QJsonObject cmd = c.toObject().value(QStringLiteral("AlterTableCmd")).toObject();
            const PgLockMode mode = alterTableLevel(cmd);
            take(locks, table, mode);
            const QJsonObject con =
                cmd.value(QStringLiteral("def")).toObject().value(QStringLiteral("Constraint")).toObject();
            if (str(con, "contype") == QLatin1String("CONSTR_FOREIGN"))
                take(locks, PgTableRef::fromRangeVar(con.value(QStringLiteral("pktable")).toObject()),
                     PgLockMode::ShareRowExclusive);
        }
    } else if (kind == QLatin1String("DropStmt")) {
        const QString type = str(n, "removeType");
        const bool concurrent = n.value(QStringLiteral("concurrent")).toBool();
        for (const auto& o : n.value(QStringLiteral("objects")).toArray()) {
            const PgTableRef ref = PgTableRef::fromNameList(o.toObject()
                                                                .value(QStringLiteral("List"))
                                                                .toObject()
                                                                .value(QStringLiteral("items"))
                                                                .toArray());
            if (type == QLatin1String("OBJECT_TABLE") || type == QLatin1String("OBJECT_MATVIEW")) {
                take(locks, ref, PgLockMode::AccessExclusive);
            } else if (type == QLatin1String("OBJECT_INDEX")) {
                auto owner = db.query(db.catalogSql(QStringLiteral("review_index_table")), {ref.sql()});
                if (owner && !owner->isEmpty())
                    take(locks, {owner->value(0, 0).toString(), owner->value(0, 1).toString()},
                         concurrent ? PgLockMode::ShareUpdateExclusive : PgLockMode::AccessExclusive);
            }
        }
    } else if (kind == QLatin1String("TruncateStmt")) {
        for (const auto& r : n.value(QStringLiteral("relations")).toArray())
            take(locks, PgTableRef::fromRangeVar(r.toObject()), PgLockMode::AccessExclusive);
    } else if (kind == QLatin1String("RenameStmt")) {
        if (n.contains(QStringLiteral("relation")))
            take(locks, PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject()),
                 PgLockMode::AccessExclusive);
    } else if (kind == QLatin1String("LockStmt")) {
        for (const auto& r : n.value(QStringLiteral("relations")).toArray())
            take(locks, PgTableRef::fromRangeVar(r.toObject()),
                 lockStmtMode(n.value(QStringLiteral("mode")).toInt()));
    } else if (kind == QLatin1String("CreateTrigStmt")) {
        take(locks, PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject()),
             PgLockMode::ShareRowExclusive);
    } else if (kind == QLatin1String("ClusterStmt")) {
        take(locks, PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject()),
             PgLockMode::AccessExclusive);
    } else if (kind == QLatin1String("VacuumStmt")) {
        bool full = false;
        for (const auto& o : n.value(QStringLiteral("options")).toArray())
            full = full || o.toObject()
                                   .value(QStringLiteral("DefElem"))
                                   .toObject()
                                   .value(QStringLiteral("defname"))
                                   .toString() == QLatin1String("full");
        for (const auto& r : n.value(QStringLiteral("rels")).toArray())
            take(locks,
                 PgTableRef::fromRangeVar(r.toObject()
                                              .value(QStringLiteral("VacuumRelation"))
                                              .toObject()
                                              .value(QStringLiteral("relation"))
                                              .toObject()),
                 full ? PgLockMode::AccessExclusive : PgLockMode::ShareUpdateExclusive);
    } else if (kind == QLatin1String("RefreshMatViewStmt")) {
        take(locks, PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject()),
             n.value(QStringLiteral("concurrent")).toBool() ? PgLockMode::Exclusive
                                                            : PgLockMode::AccessExclusive);
    } else if (kind == QLatin1String("ReindexStmt")) {
        if (str(n, "kind") == QLatin1String("REINDEX_OBJECT_TABLE"))
            take(locks, PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject()),
                 PgLockMode::Share);
    } else if (kind == QLatin1String("UpdateStmt") || kind == QLatin1String("DeleteStmt") ||
               kind == QLatin1String("InsertStmt") || kind == QLatin1String("MergeStmt")) {
        take(locks, PgTableRef::fromRangeVar(n.value(QStringLiteral("relation")).toObject()),
             PgLockMode::RowExclusive);
    } else if (kind == QLatin1String("CreateStmt")) {
        // A new table: nothing to wait for on it, but each REFERENCES takes SHARE ROW EXCLUSIVE on its table.
        for (const auto& e : n.value(QStringLiteral("tableElts")).toArray()) {
            const QJsonObject elt = e.toObject();
            QJsonArray constraints;
            if (elt.contains(QStringLiteral("ColumnDef")))
                constraints = elt.value(QStringLiteral("ColumnDef"))
                                  .toObject()
                                  .value(QStringLiteral("constraints"))
                                  .toArray();
            else if (elt.contains(QStringLiteral("Constraint")))
                constraints.append(elt);
            for (const auto& c : constraints) {
                const QJsonObject con = c.toObject().value(QStringLiteral("Constraint")).toObject();
                if (str(con, "contype") == QLatin1String("CONSTR_FOREIGN"))
                    take(locks, PgTableRef::fromRangeVar(con.value(QStringLiteral("pktable")).toObject()),
                         PgLockMode::ShareRowExclusive);
            }
        }
    }
    return locks;
}

} // namespace strata
