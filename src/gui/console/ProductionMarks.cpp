#include "console/ProductionMarks.h"

#include <QSettings>
#include <QStringList>

namespace strata {

namespace {

const QString key = QStringLiteral("console/productionDatabases");

} // namespace

bool ProductionMarks::isProduction(const ConnectionUrl& url)
{
    return QSettings().value(key).toStringList().contains(url.display());
}

void ProductionMarks::setProduction(const ConnectionUrl& url, bool production)
{
    QSettings settings;
    QStringList marked = settings.value(key).toStringList();
    marked.removeAll(url.display());
    if (production)
        marked << url.display();
    settings.setValue(key, marked);
}

} // namespace strata
