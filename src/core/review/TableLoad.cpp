#include "review/TableLoad.h"

#include <QLocale>

namespace strata {

namespace {

QString bytesText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

QString TableLoad::text() const
{
    if (!read)
        return QStringLiteral("%1: size unknown (the catalog could not be read)").arg(table);
    if (!found)
        return QStringLiteral("%1: not on the database yet").arg(table);
    QLocale locale = QLocale::c();
    locale.setNumberOptions({});
    QString text = table + QStringLiteral(": ");
    if (rows)
        text += QStringLiteral("%1 %2%3").arg(locale.toString(*rows),
                                              *rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"),
                                              rowsExact ? QString() : QStringLiteral(" (estimate)"));
    else
        text += QStringLiteral("rows unknown (never analyzed)");
    if (bytes)
        text += QStringLiteral(", ") + bytesText(*bytes);
    if (!sessions.isEmpty())
        text += QStringLiteral("; used now by ") + sessions.join(QStringLiteral(", "));
    return text;
}

} // namespace strata
