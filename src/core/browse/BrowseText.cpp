#include "browse/BrowseText.h"

#include <QLocale>

namespace strata {

QString BrowseText::cell(const QVariant& value, bool byteLength)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (byteLength)
        return QStringLiteral("<blob %L1 bytes>").arg(value.toLongLong());
    if (value.typeId() == QMetaType::QByteArray)
        return QStringLiteral("<blob %L1 bytes>").arg(value.toByteArray().size());
    return value.toString();
}

QString BrowseText::columnToolTip(const ColumnInfo& column, bool sortable)
{
    return QStringLiteral("%1 %2%3\n%4")
        .arg(column.name, column.type, column.notNull ? QStringLiteral(" NOT NULL") : QString(),
             sortable ? QStringLiteral("Click to sort: an index leads with this column.")
                      : QStringLiteral("Not sortable: no complete index leads with this NOT NULL column, so "
                                       "sorting would read every row."));
}

QString BrowseText::count(bool exact, bool estimated, qint64 rows, bool filtered)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    const QString n = locale.toString(rows);
    if (exact) {
        if (rows == 1)
            return filtered ? QStringLiteral("1 row matches") : QStringLiteral("1 row");
        return filtered ? QStringLiteral("%1 rows match").arg(n) : QStringLiteral("%1 rows").arg(n);
    }
    if (estimated)
        return QStringLiteral("≈%1 rows (estimate)").arg(n);
    if (rows == 0)
        return filtered ? QStringLiteral("Looking for matching rows") : QStringLiteral("Reading the rows");
    return filtered ? QStringLiteral("at least %1 rows match").arg(n)
                    : QStringLiteral("at least %1 rows").arg(n);
}

} // namespace strata
