#pragma once

#include <QString>
#include <QVariantList>

namespace strata {

/// One statement with `?` placeholders and the values bound to them, in order.
struct SqlStatement
{
    QString sql;
    QVariantList params;
};

} // namespace strata
