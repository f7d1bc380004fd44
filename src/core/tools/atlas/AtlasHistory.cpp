#include "tools/atlas/AtlasHistory.h"

namespace strata {

QString AtlasHistory::tool() const
{
    return QStringLiteral("Atlas");
}

QString AtlasHistory::follows() const
{
    return QStringLiteral("Atlas v1.2.3");
}

QString AtlasHistory::table() const
{
    return QStringLiteral("atlas_schema_revisions");
}

QStringList AtlasHistory::tablesIn(Dialect dialect) const
{
    // On PostgreSQL Atlas keeps its table in a schema of the same name, unless its URL names a schema or
    // --revisions-schema does (cmd/atlas/internal/cmdapi/migrate.go, revisionSchemaName).
    if (dialect == Dialect::Postgres)
        return {QStringLiteral("atlas_schema_revisions.atlas_schema_revisions"), table()};
    return {table()};
}

bool AtlasHistory::recognises(const QSet<QString>& columns) const
{
    for (const char* column : {"version", "description", "type", "applied", "total", "executed_at",
                               "execution_time", "error", "hash"})
        if (!columns.contains(QLatin1String(column)))
            return false;
    return true;
}

Result<QList<ForeignRow>> AtlasHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT version, description, executed_at, applied, total, error, "
                                        "hash, type FROM %1 ORDER BY version")
                             .arg(table));
    if (!rows)
        return rows.error();
    // Atlas (ariga/atlas sql/migrate/migrate.go) types a revision with flags: 1 baseline, 2 executed, 4
    // resolved by hand (`atlas migrate set`, which also marks a partial revision fixed: 2|4). A revision is
    // partial when it is not resolved and applied < total, as `atlas migrate status` reports it. The row
    // whose version is ".atlas_cloud_identifier" holds the revisions table's id, not a migration.
    constexpr qlonglong resolved = 4;
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        if (row.version.startsWith(QLatin1Char('.')))
            continue;
        row.name = text(r.value(1));
        row.appliedAt = text(r.value(2));
        row.checksum = text(r.value(6));
        const QString error = text(r.value(5));
        const bool isResolved = (r.value(7).toLongLong() & resolved) != 0;
        row.failed = !isResolved && r.value(3).toLongLong() < r.value(4).toLongLong();
        if (row.failed) {
            row.problem = QStringLiteral("Atlas applied %1 of %2 statements of %3%4.")
                              .arg(text(r.value(3)), text(r.value(4)), row.version,
                                   error.isEmpty() ? QString() : QStringLiteral(": ") + error);
            row.remedy = QStringLiteral("Settle it with Atlas: fix the file and run `atlas migrate apply`, "
                                        "or, once the database is right, `atlas migrate set %1`.")
                             .arg(row.version);
        }
        list << row;
    }
    return list;
}

QString AtlasHistory::keepRunning() const
{
    return QStringLiteral("atlas migrate apply");
}

} // namespace strata
