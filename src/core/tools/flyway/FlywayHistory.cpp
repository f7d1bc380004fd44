#include "tools/flyway/FlywayHistory.h"

#include <QFileInfo>
#include <QRegularExpression>

#include "tools/flyway/FlywayChecksum.h"

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

namespace {

/// A Flyway file name's parts: `V2_1__add_orders.sql` is version "2.1" (Flyway's MigrationVersion reads `_`
/// as `.`), description "add orders" (its `_` read as spaces); `R__` has no version.
struct FlywayName
{
    QString version;
    QString description;
};

FlywayName parseName(const QString& fileName)
{
    static const QRegularExpression name(QStringLiteral("^[VUR](.*?)__(.*?)(?:\\.[a-z]+)?\\.sql$"));
    FlywayName parts;
    const auto m = name.match(fileName);
    if (!m.hasMatch())
        return parts;
    parts.version = m.captured(1).replace(QLatin1Char('_'), QLatin1Char('.'));
    parts.description = m.captured(2).replace(QLatin1Char('_'), QLatin1Char(' '));
    return parts;
}

} // namespace

QString FlywayHistory::versionOf(const MigrationStep& step) const
{
    // The reader names a repeatable script's rows by the script, a versioned one's by its version.
    if (step.repeatable)
        return fileName(step);
    if (!step.toolVersion.isEmpty())
        return step.toolVersion;
    const QString version = parseName(fileName(step)).version;
    return version.isEmpty() ? QString::number(step.version) : version;
}

QString FlywayHistory::checksumOf(const MigrationStep&, const QByteArray& bytes) const
{
    return QString::number(FlywayChecksum::of(bytes));
}

namespace {

/// One row as Flyway's JdbcTableSchemaHistory.doAddAppliedMigration writes it: installed_rank the next
/// rank, installed_on the table's default (now), success true.
Status addRow(Database& db, const QString& table, const QVariant& version, const QString& description,
              const QString& type, const QString& script, qint32 checksum, const ToolStep& step)
{
    auto rank = db.query(QStringLiteral("SELECT COALESCE(MAX(installed_rank), 0) + 1 FROM %1").arg(table));
    if (!rank)
        return rank.error();
    return db.execute(
        QStringLiteral("INSERT INTO %1 (installed_rank, version, description, type, script, "
                       "checksum, installed_by, execution_time, success) VALUES (?, ?, ?, ?, "
                       "?, ?, ?, ?, %2)")
            .arg(table, db.dialect() == Dialect::Postgres ? QStringLiteral("true") : QStringLiteral("1")),
        QVariantList{rank->value(0, 0).toLongLong(), version, description, type, script, checksum,
                     step.user.isEmpty() ? QStringLiteral("strata") : step.user, step.elapsedMs});
}

} // namespace

Status FlywayHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    const QString script = fileName(applied.step);
    const FlywayName name = parseName(script);
    const QVariant version = applied.step.repeatable ? QVariant() : QVariant(versionOf(applied.step));
    return addRow(db, table, version, name.description, QStringLiteral("SQL"), script,
                  FlywayChecksum::of(applied.forwardFile), applied);
}

Status FlywayHistory::recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const
{
    // Flyway's `undo` (U<version>__ scripts) adds an UNDO_SQL row for the version with the undo script;
    // the reader, as Flyway, counts the version as no longer applied.
    const QString script = QFileInfo(rolledBack.step.rollbackPath).fileName();
    const FlywayName name = parseName(script);
    return addRow(db, table, versionOf(rolledBack.step), name.description, QStringLiteral("UNDO_SQL"), script,
                  FlywayChecksum::of(rolledBack.rollbackFile), rolledBack);
}

} // namespace strata
