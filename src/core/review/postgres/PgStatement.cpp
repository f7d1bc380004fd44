#include "review/postgres/PgStatement.h"

namespace strata {

QString PgStatement::slice(int from, int to) const
{
    const QByteArray utf8 = text.toUtf8();
    const int start = std::max(0, from - locationBase);
    const int end = to < 0 ? int(utf8.size()) : std::min(int(utf8.size()), to - locationBase);
    if (start >= end)
        return {};
    return QString::fromUtf8(utf8.mid(start, end - start)).trimmed();
}

} // namespace strata
