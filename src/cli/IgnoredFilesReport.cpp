#include "IgnoredFilesReport.h"

#include <QJsonObject>

namespace strata::cli {

QString IgnoredFilesReport::lines(const QList<IgnoredFile>& ignored, const QString& indent)
{
    QString text;
    for (const auto& file : ignored)
        text += QStringLiteral("%1%2  (%3)\n").arg(indent, file.path, file.reason);
    return text;
}

QJsonArray IgnoredFilesReport::json(const QList<IgnoredFile>& ignored)
{
    QJsonArray files;
    for (const auto& file : ignored)
        files.append(
            QJsonObject{{QStringLiteral("path"), file.path}, {QStringLiteral("reason"), file.reason}});
    return files;
}

} // namespace strata::cli
