#include "tools/flyway/FlywayHistory.h"

namespace strata {

QString FlywayHistory::tool() const
{
    return QStringLiteral("Flyway");
}

QString FlywayHistory::follows() const
{
    return QStringLiteral("Flyway 10.x");
}

QString FlywayHistory::table() const
{
    return QStringLiteral("flyway_schema_history");
}

bool FlywayHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("installed_rank"), QStringLiteral("version"),
                                    QStringLiteral("description"),    QStringLiteral("type"),
                                    QStringLiteral("script"),         QStringLiteral("checksum"),
                                    QStringLiteral("installed_by"),   QStringLiteral("installed_on"),
                                    QStringLiteral("execution_time"), QStringLiteral("success")};
}

Result<QList<ForeignRow>> FlywayHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT version, description, type, script, checksum, installed_on, "
                                        "success FROM %1 ORDER BY installed_rank")
                             .arg(table));
    if (!rows)
        return rows.error();
    // Flyway (flyway/flyway CoreMigrationType) keys a versioned migration by its version and a repeatable
    // one (version NULL) by its description; a later row of the same key stands for it. SCHEMA is the row
    // Flyway writes when it creates the schemas; DELETE is `flyway repair` marking an applied migration
    // whose file is gone as deleted; an UNDO_* row (UNDO_SQL, UNDO_JDBC, UNDO_SCRIPT) undid the migration of
    // its version. None of these is itself a migration in the database.
    QList<ForeignRow> list;
    QStringList keys;
    for (const auto& r : rows->rows) {
        const QString version = text(r.value(0));
        const QString description = text(r.value(1));
        const QString type = text(r.value(2));
        const QString script = text(r.value(3));
        const QString key =
            version.isEmpty() ? QStringLiteral("R:") + description : QStringLiteral("V:") + version;
        if (type == QLatin1String("SCHEMA"))
            continue;
        const bool succeeded = flag(r.value(6));
        if (type == QLatin1String("DELETE") || (type.startsWith(QLatin1String("UNDO_")) && succeeded)) {
            if (const qsizetype at = keys.indexOf(key); at >= 0) {
                keys.removeAt(at);
                list.removeAt(at);
            }
            continue;
        }
        ForeignRow row;
        // A repeatable script has no version: it is named by its script.
        row.version = version.isEmpty() ? script : version;
        row.name = description;
        row.checksum = text(r.value(4));
        row.appliedAt = text(r.value(5));
        row.failed = !succeeded;
        if (row.failed) {
            row.problem =
                QStringLiteral("Flyway recorded %1 (%2, %3) as failed.").arg(row.version, script, type);
            row.remedy = QStringLiteral("Undo what the failed migration left (on PostgreSQL its transaction "
                                        "was rolled back), fix the script, then run `flyway repair` to "
                                        "remove the failed row.");
        }
        if (const qsizetype at = keys.indexOf(key); at >= 0) {
            keys.removeAt(at);
            list.removeAt(at);
        }
        keys << key;
        list << row;
    }
    return list;
}

QString FlywayHistory::keepRunning() const
{
    return QStringLiteral("flyway migrate");
}

} // namespace strata
