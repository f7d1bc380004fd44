#include "console/OperationsLog.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "console/QueryHistory.h"
#include "console/SecretRedactor.h"

namespace strata {

QString OperationsLog::path()
{
    return QDir(QueryHistory::folder()).filePath(QStringLiteral("operations.jsonl"));
}

QString OperationsLog::currentUser()
{
    for (const char* name : {"USER", "LOGNAME", "USERNAME"})
        if (const QString user = qEnvironmentVariable(name); !user.isEmpty())
            return user;
    return QStringLiteral("unknown");
}

Status OperationsLog::record(Operation operation)
{
    if (!operation.at.isValid())
        operation.at = QDateTime::currentDateTimeUtc();
    if (operation.user.isEmpty())
        operation.user = currentUser();
    const QJsonObject object{{QStringLiteral("at"), operation.at.toUTC().toString(Qt::ISODateWithMs)},
                             {QStringLiteral("user"), operation.user},
                             {QStringLiteral("database"), operation.database},
                             {QStringLiteral("statement"), SecretRedactor::redact(operation.statement)},
                             {QStringLiteral("kind"), operation.kind},
                             {QStringLiteral("rows"), operation.rows},
                             {QStringLiteral("outcome"), operation.outcome},
                             {QStringLiteral("error"), SecretRedactor::redact(operation.error)}};
    QDir().mkpath(QFileInfo(path()).path());
    QFile file(path());
    // Append mode: lines of two Strata processes never interleave inside a line.
    if (!file.open(QIODevice::Append) ||
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n') < 0 || !file.flush())
        return Error::failed(
            QStringLiteral("Cannot write the operations log %1: %2").arg(path(), file.errorString()),
            QStringLiteral("The statement's outcome stands; only its log line is missing."),
            QStringLiteral("Check the permissions and free space of that folder."));
    return {};
}

QList<Operation> OperationsLog::read(int limit)
{
    QFile file(path());
    QList<Operation> out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = lines.size() - 1; i >= 0 && out.size() < limit; --i) {
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i)).object();
        if (object.isEmpty())
            continue;
        Operation operation;
        operation.at = QDateTime::fromString(object.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
        operation.user = object.value(QLatin1String("user")).toString();
        operation.database = object.value(QLatin1String("database")).toString();
        operation.statement = object.value(QLatin1String("statement")).toString();
        operation.kind = object.value(QLatin1String("kind")).toString();
        operation.rows = object.value(QLatin1String("rows")).toInteger(-1);
        operation.outcome = object.value(QLatin1String("outcome")).toString();
        operation.error = object.value(QLatin1String("error")).toString();
        out << operation;
    }
    return out;
}

} // namespace strata
