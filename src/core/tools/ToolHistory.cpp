#include "tools/ToolHistory.h"

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

} // namespace strata
