#include "backup/BackupRecord.h"

#include <QJsonArray>

namespace strata {

QJsonObject BackupRecord::toJson() const
{
    QJsonArray checkArray;
    for (const auto& c : checks)
        checkArray.append(c.toJson());
    return {{QStringLiteral("id"), id},
            {QStringLiteral("file"), file},
            {QStringLiteral("path"), path},
            {QStringLiteral("created_at"), createdAt},
            {QStringLiteral("database"), database},
            {QStringLiteral("dialect"), dialect},
            {QStringLiteral("format"), format},
            {QStringLiteral("schema_version"), schemaVersion},
            {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), sha256},
            {QStringLiteral("checks"), checkArray},
            {QStringLiteral("verified"), verified},
            {QStringLiteral("run_id"), runId},
            {QStringLiteral("note"), note}};
}

BackupRecord BackupRecord::fromJson(const QJsonObject& o)
{
    BackupRecord r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.file = o.value(QStringLiteral("file")).toString();
    r.path = o.value(QStringLiteral("path")).toString();
    r.createdAt = o.value(QStringLiteral("created_at")).toString();
    r.database = o.value(QStringLiteral("database")).toString();
    r.dialect = o.value(QStringLiteral("dialect")).toString();
    r.format = o.value(QStringLiteral("format")).toString();
    r.schemaVersion = o.value(QStringLiteral("schema_version")).toInteger();
    r.size = o.value(QStringLiteral("size")).toInteger();
    r.sha256 = o.value(QStringLiteral("sha256")).toString();
    for (const auto& c : o.value(QStringLiteral("checks")).toArray())
        r.checks << CheckResult::fromJson(c.toObject());
    r.verified = o.value(QStringLiteral("verified")).toBool();
    r.runId = o.value(QStringLiteral("run_id")).toString();
    r.note = o.value(QStringLiteral("note")).toString();
    return r;
}

} // namespace strata
