#include "tools/golangmigrate/GolangMigrateHistory.h"

namespace strata {

QString GolangMigrateHistory::tool() const
{
    return QStringLiteral("golang-migrate");
}

QString GolangMigrateHistory::follows() const
{
    return QStringLiteral("golang-migrate v4.19.1 (database/postgres and database/sqlite3 drivers)");
}

QString GolangMigrateHistory::table() const
{
    return QStringLiteral("schema_migrations");
}

bool GolangMigrateHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("version"), QStringLiteral("dirty")};
}

Result<QList<ForeignRow>> GolangMigrateHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT version, dirty FROM %1 ORDER BY version").arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        row.dirty = flag(r.value(1));
        // SetVersion writes -1 (NilVersion) only with dirty = true: the first version's down migration
        // failed part-way, and no version is recorded as complete.
        if (row.dirty && row.version == QLatin1String("-1")) {
            row.problem = QStringLiteral("golang-migrate recorded no version, dirty: the down migration of "
                                         "the first version failed part-way, and golang-migrate cannot tell "
                                         "what it left.");
            row.remedy =
                QStringLiteral("Check the database by hand and finish or undo that down "
                               "migration, then run `migrate force -1` (nothing applied) or `migrate "
                               "force V` (the version now complete) with golang-migrate.");
        } else if (row.dirty) {
            row.problem = QStringLiteral("golang-migrate recorded version %1 as dirty: its migration "
                                         "failed part-way, and golang-migrate cannot tell what it left.")
                              .arg(row.version);
            row.remedy = QStringLiteral("Check the database by hand and finish or undo version %1's "
                                        "changes, then run `migrate force %2` (the version now complete) "
                                        "with golang-migrate.")
                             .arg(row.version, row.version);
        }
        list << row;
    }
    return list;
}

QString GolangMigrateHistory::keepRunning() const
{
    return QStringLiteral("migrate -path DIR -database URL up");
}

QString GolangMigrateHistory::note() const
{
    return QStringLiteral("golang-migrate keeps only its current version: every file up to it is applied");
}

namespace {

/// The driver's SetVersion (database/postgres and database/sqlite3, v4.19.1): the table emptied (TRUNCATE on
/// PostgreSQL, DELETE on SQLite), then one row (version, dirty) unless the version is NilVersion and clean.
Status setVersion(Database& db, const QString& table, const MigrationStep* current)
{
    const QString empty = db.dialect() == Dialect::Postgres ? QStringLiteral("TRUNCATE %1").arg(table)
                                                            : QStringLiteral("DELETE FROM %1").arg(table);
    if (auto emptied = db.execute(empty); !emptied)
        return emptied;
    if (!current)
        return {};
    return db.execute(
        QStringLiteral("INSERT INTO %1 (version, dirty) VALUES (?, ?)").arg(table),
        QVariantList{current->version, db.dialect() == Dialect::Postgres ? QVariant(false) : QVariant(0)});
}

} // namespace

Status GolangMigrateHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    return setVersion(db, table, &applied.step);
}

Status GolangMigrateHistory::recordRolledBack(Database& db, const QString& table,
                                              const ToolStep& rolledBack) const
{
    // A down migration leaves the previous file's version, or no row when it was the first.
    return setVersion(db, table, rolledBack.previous);
}

} // namespace strata
