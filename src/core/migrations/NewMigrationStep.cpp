#include "migrations/NewMigrationStep.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "common/DiskFile.h"
#include "schema/SqlIdentifier.h"

namespace strata {

namespace {

/// The digits a step's file (or version folder) name starts with: how wide the set writes its versions.
int versionWidth(const MigrationStep& step)
{
    const QString first = step.forwardPath.section(QLatin1Char('/'), 0, 0);
    static const QRegularExpression digits(QStringLiteral("^[VU]?(\\d+)"));
    const auto match = digits.match(first);
    return match.hasMatch() ? static_cast<int>(match.capturedLength(1)) : 3;
}

/// "drop_idx_orders_state": a name every layout's name rule takes.
QString slug(const QString& index)
{
    QString name = QStringLiteral("drop_") + index.toLower();
    static const QRegularExpression other(QStringLiteral("[^a-z0-9_]+"));
    name.replace(other, QStringLiteral("_"));
    return name.left(60);
}

/// The layouts whose versions are timestamps (yyyyMMddHHmmss) by habit.
bool timestamped(const QString& layout, qint64 lastVersion)
{
    return layout == QLatin1String("dbmate") || layout == QLatin1String("prisma") ||
           ((layout == QLatin1String("sqlx") || layout == QLatin1String("goose")) &&
            lastVersion >= 19000101000000LL);
}

} // namespace

Result<NewMigrationStep> NewMigrationStep::dropIndex(const MigrationSet& set, Dialect dialect,
                                                     const QString& schema, const QString& index,
                                                     const QString& definition, const QString& why,
                                                     const QDateTime& now)
{
    if (set.root.isEmpty() || !QFileInfo(set.root).isDir())
        return Error::badInput(
            QStringLiteral("No migration set is open, so there is no folder to write the step into."),
            QStringLiteral(
                "Name the migration set of this database in File > Connect…, then write the step."));
    if (set.root.startsWith(QLatin1String(":/")))
        return Error::badInput(
            QStringLiteral(
                "The migration set %1 is built into Strata (the demo's), so it cannot take new steps. "
                "Nothing was written.")
                .arg(set.name()),
            QStringLiteral("Copy the set to a folder of your own, name that folder in File > Connect…, then "
                           "write the step."));
    const MigrationStep* last = nullptr;
    for (const MigrationStep& step : set.steps)
        if (!step.repeatable && (!last || step.version >= last->version))
            last = &step;
    const QString layout = last ? last->layout : QStringLiteral("strata");
    if (layout == QLatin1String("alembic"))
        return Error::badInput(
            QStringLiteral("The migration set %1 is an Alembic project: its steps are Python revisions, "
                           "which Strata does not write. Nothing was written.")
                .arg(set.name()),
            QStringLiteral("Write a revision that runs op.drop_index(\"%1\") with `alembic revision`, then "
                           "apply it with Migrations > Migrate….")
                .arg(index));

    NewMigrationStep step;
    step.root = set.root;
    step.layout = layout;
    const qint64 lastVersion = last ? last->version : 0;
    const int width = last ? versionWidth(*last) : 3;
    if (timestamped(layout, lastVersion))
        step.version =
            std::max(now.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLongLong(), lastVersion + 1);
    else if (layout == QLatin1String("flyway"))
        step.version =
            QString(last ? (last->toolVersion.isEmpty() ? QString::number(last->version) : last->toolVersion)
                         : QStringLiteral("0"))
                .section(QLatin1Char('.'), 0, 0)
                .toLongLong() +
            1;
    else
        step.version = lastVersion + 1;
    const QString number = timestamped(layout, lastVersion)
                               ? QString::number(step.version)
                               : QStringLiteral("%1").arg(step.version, width, 10, QLatin1Char('0'));
    const QString name = slug(index);

    const bool postgres = dialect == Dialect::Postgres;
    const QString target = SqlIdentifier::qualified(schema, index, dialect);
    // PostgreSQL drops without blocking the table's writes only outside a transaction; Prisma runs every
    // migration in one, so its step takes the brief exclusive lock of a plain DROP INDEX.
    const bool concurrently = postgres && layout != QLatin1String("prisma");
    const QString drop = QStringLiteral("DROP INDEX %1IF EXISTS %2;\n")
                             .arg(concurrently ? QStringLiteral("CONCURRENTLY ") : QString(), target);
    QString header =
        QStringLiteral("-- Migration: %1_%2\n-- Description: Drop index %3: %4\n-- Created: %5\n")
            .arg(number, name, index, why.simplified(), now.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
    header += QStringLiteral("-- strata:dialect %1\n")
                  .arg(postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    if (concurrently)
        header += QStringLiteral("-- strata:no-transaction\n");
    QString restore = definition.trimmed();
    if (restore.isEmpty())
        restore = QStringLiteral("-- %1 had no CREATE INDEX of its own to restore").arg(index);
    else if (!restore.endsWith(QLatin1Char(';')))
        restore += QLatin1Char(';');
    restore += QLatin1Char('\n');

    QString forward;
    QString rollback;
    if (layout == QLatin1String("strata")) {
        step.path = QStringLiteral("%1_%2/01_%2.sql").arg(number, name);
        step.rollbackPath = QStringLiteral("%1_%2/01_%2.down.sql").arg(number, name);
        forward = header + drop;
        rollback = restore;
    } else if (layout == QLatin1String("numbered")) {
        step.path = QStringLiteral("%1_%2.sql").arg(number, name);
        step.rollbackPath = QStringLiteral("%1_%2.down.sql").arg(number, name);
        forward = header + drop;
        rollback = restore;
    } else if (layout == QLatin1String("flyway")) {
        step.path = QStringLiteral("V%1__%2.sql").arg(step.version).arg(name);
        step.rollbackPath = QStringLiteral("U%1__%2.sql").arg(step.version).arg(name);
        forward = header + drop;
        rollback = restore;
    } else if (layout == QLatin1String("golang-migrate") || layout == QLatin1String("sqlx")) {
        step.path = QStringLiteral("%1_%2.up.sql").arg(number, name);
        step.rollbackPath = QStringLiteral("%1_%2.down.sql").arg(number, name);
        forward = (layout == QLatin1String("sqlx") && concurrently ? QStringLiteral("-- no-transaction\n")
                                                                   : QString()) +
                  header + drop;
        rollback = restore;
    } else if (layout == QLatin1String("dbmate")) {
        step.path = QStringLiteral("%1_%2.sql").arg(number, name);
        forward = header +
                  QStringLiteral("-- migrate:up%1\n")
                      .arg(concurrently ? QStringLiteral(" transaction:false") : QString()) +
                  drop + QStringLiteral("\n-- migrate:down\n") + restore;
    } else if (layout == QLatin1String("goose")) {
        step.path = QStringLiteral("%1_%2.sql").arg(number, name);
        forward = header + (concurrently ? QStringLiteral("-- +goose NO TRANSACTION\n") : QString()) +
                  QStringLiteral("-- +goose Up\n") + drop + QStringLiteral("\n-- +goose Down\n") + restore;
    } else if (layout == QLatin1String("prisma")) {
        step.path = QStringLiteral("%1_%2/migration.sql").arg(number, name);
        forward = header + drop; // Prisma keeps no rollback scripts
    } else {
        return Error::badInput(
            QStringLiteral("Strata does not write steps in the %1 layout of %2. Nothing was written.")
                .arg(layout, set.name()),
            QStringLiteral("Write the step by hand: it runs %1").arg(drop.trimmed()));
    }
    step.forward = forward.toUtf8();
    step.rollback = rollback.toUtf8();
    return step;
}

Status NewMigrationStep::write() const
{
    const QDir folder(root);
    for (const QString& relative : {path, rollbackPath})
        if (!relative.isEmpty() && QFileInfo::exists(folder.filePath(relative)))
            return Error::badInput(
                QStringLiteral("%1 already exists in the migration set. Nothing was written.").arg(relative),
                QStringLiteral("Look at that step: it may already drop the index. Remove or rename it to "
                               "write a new one."));
    for (const auto& [relative, bytes] : {std::pair{path, forward}, std::pair{rollbackPath, rollback}}) {
        if (relative.isEmpty())
            continue;
        const QString absolute = folder.filePath(relative);
        if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
            return Error::failed(QStringLiteral("Could not create the folder of %1.").arg(absolute),
                                 QStringLiteral("The migration set was left as it was."),
                                 QStringLiteral("Check that the set's folder is writable."));
        if (const QString why = DiskFile::writeWhole(absolute, bytes); !why.isEmpty())
            return Error::failed(QStringLiteral("Could not write %1: %2").arg(absolute, why),
                                 path == relative ? QStringLiteral("Nothing was written.")
                                                  : QStringLiteral("The forward file %1 was written; its "
                                                                   "rollback was not.")
                                                        .arg(path),
                                 QStringLiteral("Check that the set's folder is writable and has room."));
    }
    return {};
}

} // namespace strata
