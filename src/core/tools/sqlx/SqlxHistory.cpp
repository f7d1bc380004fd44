#include "tools/sqlx/SqlxHistory.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace strata {

QString SqlxHistory::tool() const
{
    return QStringLiteral("sqlx");
}

QString SqlxHistory::follows() const
{
    return QStringLiteral("sqlx 0.8");
}

QString SqlxHistory::table() const
{
    return QStringLiteral("_sqlx_migrations");
}

bool SqlxHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("version"),      QStringLiteral("description"),
                                    QStringLiteral("installed_on"), QStringLiteral("success"),
                                    QStringLiteral("checksum"),     QStringLiteral("execution_time")};
}

Result<QList<ForeignRow>> SqlxHistory::read(Database& db, const QString& table) const
{
    auto rows =
        db.query(QStringLiteral(
                     "SELECT version, description, installed_on, success, checksum FROM %1 ORDER BY version")
                     .arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.name = text(r.value(1));
        row.appliedAt = text(r.value(2));
        row.failed = !flag(r.value(3));
        row.checksum = hex(r.value(4));
        if (row.failed) {
            row.problem = QStringLiteral("sqlx recorded migration %1 (%2) as partially applied.")
                              .arg(row.version, row.name);
            row.remedy = QStringLiteral("Undo or finish its changes by hand, delete its row from "
                                        "_sqlx_migrations, then run `sqlx migrate run`.");
        }
        list << row;
    }
    return list;
}

QString SqlxHistory::keepRunning() const
{
    return QStringLiteral("sqlx migrate run");
}

QString SqlxHistory::checksumOf(const MigrationStep&, const QByteArray& bytes) const
{
    // sqlx-core migrate/migration.rs: Sha384 of the migration's SQL as read from its file.
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha384).toHex());
}

namespace {

/// sqlx-core migrate/source.rs: the file name's part after `<version>_`, `.sql` and a `.up`/`.down` dropped,
/// underscores read as spaces.
QString descriptionOf(const MigrationStep& step)
{
    QString name = QFileInfo(step.forwardPath).fileName();
    name = name.section(QLatin1Char('_'), 1);
    for (const auto* suffix : {".sql", ".up", ".down"})
        if (name.endsWith(QLatin1String(suffix)))
            name.chop(static_cast<qsizetype>(qstrlen(suffix)));
    return name.replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace

Status SqlxHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    // sqlx-postgres / sqlx-sqlite migrate.rs apply(): the row inserted with success TRUE and its checksum,
    // then execution_time set in nanoseconds; installed_on is the table's default.
    const QByteArray checksum = QCryptographicHash::hash(applied.forwardFile, QCryptographicHash::Sha384);
    const bool pg = db.dialect() == Dialect::Postgres;
    // PostgreSQL gets the bytea from its hex (parameters travel as text); SQLite a BLOB.
    const QString sql = QStringLiteral("INSERT INTO %1 (version, description, success, checksum, "
                                       "execution_time) VALUES (?, ?, TRUE, %2, ?)")
                            .arg(table, pg ? QStringLiteral("decode(?, 'hex')") : QStringLiteral("?"));
    return db.execute(sql,
                      QVariantList{applied.step.version, descriptionOf(applied.step),
                                   pg ? QVariant(QString::fromLatin1(checksum.toHex())) : QVariant(checksum),
                                   applied.elapsedMs * 1000000});
}

Status SqlxHistory::recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const
{
    // revert(): `DELETE FROM _sqlx_migrations WHERE version = $1`.
    return db.execute(QStringLiteral("DELETE FROM %1 WHERE version = ?").arg(table),
                      QVariantList{rolledBack.step.version});
}

} // namespace strata
