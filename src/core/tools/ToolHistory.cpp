#include "tools/ToolHistory.h"

#include <QDateTime>
#include <QFileInfo>

namespace strata {

QStringList ToolHistory::tablesIn(Dialect) const
{
    return {table()};
}

QString ToolHistory::text(const QVariant& value)
{
    return value.isNull() ? QString() : value.toString();
}

bool ToolHistory::flag(const QVariant& value)
{
    const QString v = text(value).trimmed().toLower();
    return v == QLatin1String("1") || v == QLatin1String("t") || v == QLatin1String("true");
}

QString ToolHistory::hex(const QVariant& value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toHex());
    QString v = value.toString();
    if (v.startsWith(QLatin1String("\\x")))
        v.remove(0, 2);
    return v.toLower();
}

QString ToolHistory::versionOf(const MigrationStep& step) const
{
    return step.toolVersion.isEmpty() ? QString::number(step.version) : step.toolVersion;
}

QString ToolHistory::checksumOf(const MigrationStep&, const QByteArray&) const
{
    return {};
}

Status ToolHistory::recordApplied(Database&, const QString& table, const ToolStep& applied) const
{
    return Error::refused(QStringLiteral("Strata cannot write %1's history (%2): step %3 would be missing "
                                         "from it.")
                              .arg(tool(), table, applied.step.label()),
                          QStringLiteral("Keep running %1 for this database.").arg(keepRunning()));
}

Status ToolHistory::recordRolledBack(Database&, const QString& table, const ToolStep& rolledBack) const
{
    return Error::refused(QStringLiteral("Strata cannot write %1's history (%2): step %3 would stay in "
                                         "it.")
                              .arg(tool(), table, rolledBack.step.label()),
                          QStringLiteral("Keep running %1 for this database.").arg(keepRunning()));
}

QVariant ToolHistory::boolean(const Database& db, bool value)
{
    if (db.dialect() == Dialect::Postgres)
        return value;
    return value ? 1 : 0;
}

QString ToolHistory::timestamp(const Database& db)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return db.dialect() == Dialect::Postgres ? now + QStringLiteral("+00") : now;
}

QString ToolHistory::fileName(const MigrationStep& step)
{
    return QFileInfo(step.forwardPath).fileName();
}

} // namespace strata
