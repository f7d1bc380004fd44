#include "tools/alembic/AlembicRevision.h"

#include <QFileInfo>

namespace strata {

QString AlembicRevision::slug() const
{
    QString base = QFileInfo(path).fileName();
    if (base.endsWith(QLatin1String(".py")))
        base.chop(3);
    if (base.startsWith(revision + QLatin1Char('_')) && base.size() > revision.size() + 1)
        return base.mid(revision.size() + 1);
    return base;
}

QString AlembicRevision::title() const
{
    const QString first = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    return first.isEmpty() ? slug() : first;
}

} // namespace strata
