#include "tools/alembic/AlembicHistory.h"

#include "tools/alembic/AlembicStepRunner.h"

namespace strata {

QString AlembicHistory::tool() const
{
    return QStringLiteral("Alembic");
}

QString AlembicHistory::follows() const
{
    return QStringLiteral("Alembic 1.8.1");
}

QString AlembicHistory::table() const
{
    return QStringLiteral("alembic_version");
}

bool AlembicHistory::recognises(const QSet<QString>& columns) const
{
    return columns == QSet<QString>{QStringLiteral("version_num")};
}

Result<QList<ForeignRow>> AlembicHistory::read(Database& db, const QString& table) const
{
    auto rows = db.query(QStringLiteral("SELECT version_num FROM %1 ORDER BY version_num").arg(table));
    if (!rows)
        return rows.error();
    QList<ForeignRow> list;
    for (const auto& r : rows->rows) {
        ForeignRow row;
        row.version = text(r.value(0));
        list << row;
    }
    return list;
}

QString AlembicHistory::keepRunning() const
{
    return QStringLiteral("alembic upgrade head");
}

QString AlembicHistory::note() const
{
    return QStringLiteral("Alembic keeps only the current revision of each head: every revision below it "
                          "is applied");
}

Status AlembicHistory::recordApplied(Database& db, const QString& table, const ToolStep& applied) const
{
    if (AlembicStepRunner::runs(applied.step))
        return {};
    return ToolHistory::recordApplied(db, table, applied);
}

Status AlembicHistory::recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const
{
    if (AlembicStepRunner::runs(rolledBack.step))
        return {};
    return ToolHistory::recordRolledBack(db, table, rolledBack);
}

} // namespace strata
