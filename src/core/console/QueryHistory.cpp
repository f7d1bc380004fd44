#include "console/QueryHistory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include "console/SecretRedactor.h"

namespace strata {

namespace {

QJsonObject toJson(const HistoryEntry& entry)
{
    QJsonObject object{{QStringLiteral("at"), entry.at.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("statement"), entry.statement},
                       {QStringLiteral("ok"), entry.ok},
                       {QStringLiteral("rows"), entry.rows},
                       {QStringLiteral("micros"), entry.micros}};
    if (!entry.error.isEmpty())
        object.insert(QStringLiteral("error"), entry.error);
    return object;
}

HistoryEntry fromJson(const QJsonObject& object)
{
    HistoryEntry entry;
    entry.at = QDateTime::fromString(object.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    entry.statement = object.value(QLatin1String("statement")).toString();
    entry.ok = object.value(QLatin1String("ok")).toBool(true);
    entry.rows = object.value(QLatin1String("rows")).toInteger(-1);
    entry.micros = object.value(QLatin1String("micros")).toInteger();
    entry.error = object.value(QLatin1String("error")).toString();
    return entry;
}

QList<QByteArray> lines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out = file.readAll().split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

} // namespace

QString QueryHistory::folder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("strata/console"));
}

QueryHistory::QueryHistory(const ConnectionUrl& url)
{
    // One file per database, named by a digest of where it is (the display never carries a password).
    const QByteArray key =
        QCryptographicHash::hash(url.display().toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_path = QDir(folder()).filePath(QStringLiteral("history-%1.jsonl").arg(QString::fromLatin1(key)));
}

Status QueryHistory::add(HistoryEntry entry)
{
    entry.statement = SecretRedactor::redact(entry.statement.trimmed());
    entry.error = SecretRedactor::redact(entry.error.section(QLatin1Char('\n'), 0, 0));
    if (!entry.at.isValid())
        entry.at = QDateTime::currentDateTimeUtc();
    if (!QDir().mkpath(QFileInfo(m_path).path()))
        return Error::failed(QStringLiteral("Cannot create the folder %1 for the query history.")
                                 .arg(QFileInfo(m_path).path()),
                             QStringLiteral("The statement ran; only its history entry is missing."),
                             QStringLiteral("Check the permissions of that folder."));
    QFile file(m_path);
    if (!file.open(QIODevice::Append))
        return Error::failed(
            QStringLiteral("Cannot write the query history %1: %2").arg(m_path, file.errorString()),
            QStringLiteral("The statement ran; only its history entry is missing."),
            QStringLiteral("Check the permissions and free space of that folder."));
    file.write(QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact) + '\n');
    const qint64 size = file.size();
    file.close();
    // Trimmed when it holds about twice what it keeps: a rewrite now and then, not at every statement.
    if (size > 2 * kKeep * 200) {
        QList<QByteArray> all = lines(m_path);
        if (all.size() > 2 * kKeep) {
            QSaveFile trimmed(m_path);
            if (trimmed.open(QIODevice::WriteOnly)) {
                for (qsizetype i = all.size() - kKeep; i < all.size(); ++i)
                    trimmed.write(all.at(i) + '\n');
                trimmed.commit();
            }
        }
    }
    return {};
}

QList<HistoryEntry> QueryHistory::entries(const QString& search, int limit) const
{
    const QStringList words = search.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QList<QByteArray> all = lines(m_path);
    QList<HistoryEntry> found;
    for (qsizetype i = all.size() - 1; i >= 0 && found.size() < limit; --i) {
        const HistoryEntry entry = fromJson(QJsonDocument::fromJson(all.at(i)).object());
        if (entry.statement.isEmpty())
            continue;
        bool matches = true;
        for (const QString& word : words)
            matches = matches && entry.statement.contains(word, Qt::CaseInsensitive);
        if (matches)
            found << entry;
    }
    return found;
}

} // namespace strata
