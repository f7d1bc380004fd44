#include "tools/numbered/NumberedHistory.h"

#include <QRegularExpression>

namespace strata {

QString NumberedHistory::tool() const
{
    return QStringLiteral("numbered-sql runner");
}

QString NumberedHistory::follows() const
{
    return QStringLiteral("seed 001's runner (its README's schema_migrations)");
}

QString NumberedHistory::table() const
{
    return QStringLiteral("schema_migrations");
}

bool NumberedHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("migration_id"), QStringLiteral("version"),
                                    QStringLiteral("name"),         QStringLiteral("applied_at"),
                                    QStringLiteral("checksum"),     QStringLiteral("execution_time_ms")};
}

Result<QList<ForeignRow>> NumberedHistory::read(Database& db, const QString& table) const
{
    auto rows =
        db.query(QStringLiteral("SELECT version, name, applied_at, checksum FROM %1 ORDER BY migration_id")
                     .arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.name = text(r.value(1));
        row.appliedAt = text(r.value(2));
        row.checksum = text(r.value(3));
        list << row;
    }
    return list;
}

QString NumberedHistory::keepRunning() const
{
    return QStringLiteral("its own runner (the container's migration script)");
}

QString NumberedHistory::versionOf(const MigrationStep& step) const
{
    // Its README: "version: Migration filename (e.g., '001_create_tables')", the name without ".sql".
    QString name = fileName(step);
    if (name.endsWith(QLatin1String(".sql")))
        name.chop(4);
    return name;
}

namespace {

/// The runner's "name: Descriptive name from migration file": the file's `-- Description:` header line (its
/// README's template), else the file name's words.
QString descriptionOf(const MigrationStep& step)
{
    static const QRegularExpression header(QStringLiteral("^--\\s*Description:\\s*(.+?)\\s*$"),
                                           QRegularExpression::MultilineOption);
    const auto m = header.match(QString::fromUtf8(step.forwardSql.left(4096)));
    if (m.hasMatch())
        return m.captured(1);
    QString words = step.name;
    return words.replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace

Status NumberedHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    // migration_id and applied_at are the table's own (serial, DEFAULT NOW()); checksum is "reserved for
    // future use" in the runner's README, so it stays NULL as the runner leaves it.
    return db.execute(
        QStringLiteral("INSERT INTO %1 (version, name, execution_time_ms) VALUES (?, ?, ?)").arg(table),
        QVariantList{versionOf(applied.step), descriptionOf(applied.step), applied.elapsedMs});
}

Status NumberedHistory::recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const
{
    // Its README's "Manual migration rollback": `DELETE FROM schema_migrations WHERE version = '...'`.
    return db.execute(QStringLiteral("DELETE FROM %1 WHERE version = ?").arg(table),
                      QVariantList{versionOf(rolledBack.step)});
}

} // namespace strata
