#include "tools/atlas/AtlasHistory.h"

namespace strata {

QString AtlasHistory::tool() const
{
    return QStringLiteral("Atlas");
}

QString AtlasHistory::follows() const
{
    return QStringLiteral("Atlas v0.28");
}

QString AtlasHistory::table() const
{
    return QStringLiteral("atlas_schema_revisions");
}

QStringList AtlasHistory::tablesIn(Dialect dialect) const
{
    // On PostgreSQL Atlas keeps its table in a schema of the same name, unless its URL names a schema.
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
                                        "hash FROM %1 ORDER BY version")
                             .arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.name = text(r.value(1));
        row.appliedAt = text(r.value(2));
        row.checksum = text(r.value(6));
        const QString error = text(r.value(5));
        row.failed = !error.isEmpty() || r.value(3).toLongLong() < r.value(4).toLongLong();
        if (row.failed) {
            row.problem = QStringLiteral("Atlas applied %1 of %2 statements of %3%4.")
                              .arg(text(r.value(3)), text(r.value(4)), row.version,
                                   error.isEmpty() ? QString() : QStringLiteral(": ") + error);
            row.remedy =
                QStringLiteral("Settle it with Atlas (`atlas migrate apply` after fixing the file).");
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
