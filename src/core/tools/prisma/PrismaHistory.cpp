#include "tools/prisma/PrismaHistory.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QUuid>

namespace strata {

QString PrismaHistory::tool() const
{
    return QStringLiteral("Prisma Migrate");
}

QString PrismaHistory::follows() const
{
    return QStringLiteral("Prisma 7");
}

QString PrismaHistory::table() const
{
    return QStringLiteral("_prisma_migrations");
}

bool PrismaHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("id"),          QStringLiteral("checksum"),
                                    QStringLiteral("finished_at"), QStringLiteral("migration_name"),
                                    QStringLiteral("logs"),        QStringLiteral("rolled_back_at"),
                                    QStringLiteral("started_at"),  QStringLiteral("applied_steps_count")};
}

Result<QList<ForeignRow>> PrismaHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT migration_name, checksum, started_at, finished_at, "
                                        "rolled_back_at, logs FROM %1 ORDER BY started_at, migration_name")
                             .arg(table));
    if (!rows)
        return rows.error();
    // Prisma's schema engine (prisma/prisma-engines schema-engine, diagnose_migration_history) counts a
    // row as applied when finished_at is set and rolled_back_at is not, and as failed when neither is set.
    // `prisma migrate resolve --rolled-back` sets rolled_back_at on a failed row, and the next `prisma
    // migrate deploy` applies the migration again in a new row: a rolled-back row is then only history. So
    // each migration is read from its rows together: applied if one row is, else failed if one row is,
    // else rolled back.
    QList<ForeignRow> list;
    QStringList names;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.checksum = text(r.value(1));
        row.finished = !r.value(3).isNull();
        row.appliedAt = row.finished ? text(r.value(3)) : text(r.value(2));
        row.rolledBack = !r.value(4).isNull();
        const QString logs = text(r.value(5)).trimmed().section(QLatin1Char('\n'), 0, 0);
        if (row.rolledBack) {
            row.problem = QStringLiteral("Prisma marks %1 as rolled back (at %2): its changes are not "
                                         "counted as applied, and `prisma migrate deploy` runs it again.")
                              .arg(row.version, text(r.value(4)));
            row.remedy = QStringLiteral("Check that none of %1's changes are left in the database, then "
                                        "run `prisma migrate deploy` to apply it again.")
                             .arg(row.version);
        } else if (!row.finished) {
            row.problem = QStringLiteral("Prisma started %1 at %2 and it never finished%3.")
                              .arg(row.version, row.appliedAt,
                                   logs.isEmpty() ? QString() : QStringLiteral(": ") + logs);
            row.remedy = QStringLiteral("Check the database by hand, then run `prisma migrate resolve "
                                        "--applied %1` or `--rolled-back %1`.")
                             .arg(row.version);
        }
        const qsizetype at = names.indexOf(row.version);
        if (at < 0) {
            names << row.version;
            list << row;
            continue;
        }
        // Applied outranks failed, which outranks rolled back.
        const auto rank = [](const ForeignRow& candidate) {
            return candidate.rolledBack ? 0 : (candidate.finished ? 2 : 1);
        };
        if (rank(row) >= rank(list.at(at)))
            list[at] = row;
    }
    return list;
}

QString PrismaHistory::keepRunning() const
{
    return QStringLiteral("prisma migrate deploy");
}

QString PrismaHistory::versionOf(const MigrationStep& step) const
{
    // migration_name is the migration's folder: `20241022093000_strategy_plan`.
    return QFileInfo(step.forwardPath).path().section(QLatin1Char('/'), -1);
}

QString PrismaHistory::checksumOf(const MigrationStep&, const QByteArray& bytes) const
{
    // schema-engine's migration checksum: SHA-256 of migration.sql, lower-case hex.
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Status PrismaHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    // As `prisma migrate deploy` leaves a migration it applied: a new uuid, the checksum, started_at and
    // finished_at set, logs and rolled_back_at NULL, applied_steps_count 1 (the script runs as one step).
    // Prisma's SQLite driver stores DateTime as Unix milliseconds; PostgreSQL gets a timestamptz.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QVariant at = db.dialect() == Dialect::Sqlite ? QVariant(now.toMSecsSinceEpoch())
                                                        : QVariant(now.toString(Qt::ISODateWithMs));
    const QDateTime started = now.addMSecs(-applied.elapsedMs);
    const QVariant startedAt = db.dialect() == Dialect::Sqlite
                                   ? QVariant(started.toMSecsSinceEpoch())
                                   : QVariant(started.toString(Qt::ISODateWithMs));
    return db.execute(QStringLiteral("INSERT INTO %1 (id, checksum, finished_at, migration_name, logs, "
                                     "rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, "
                                     "NULL, NULL, ?, 1)")
                          .arg(table),
                      QVariantList{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                   checksumOf(applied.step, applied.forwardFile), at, versionOf(applied.step),
                                   startedAt});
}

Status PrismaHistory::recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const
{
    // Prisma has no down migration: a migration without rows is one `prisma migrate deploy` applies again,
    // which is what a migration Strata rolled back is.
    return db.execute(QStringLiteral("DELETE FROM %1 WHERE migration_name = ?").arg(table),
                      QVariantList{versionOf(rolledBack.step)});
}

} // namespace strata
