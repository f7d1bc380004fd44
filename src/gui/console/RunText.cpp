#include "console/RunText.h"

#include <QLocale>
#include <QStringList>

namespace strata {

QString RunText::rows(qint64 n)
{
    return n == 1 ? tr("1 row") : tr("%1 rows").arg(QLocale().toString(n));
}

QString RunText::time(qint64 micros)
{
    if (micros < 1000000)
        return tr("%1 ms").arg(QLocale().toString(double(micros) / 1000.0, 'f', 1));
    return tr("%1 s").arg(QLocale().toString(double(micros) / 1e6, 'f', 2));
}

QString RunText::summary(int statements, const StatementOutcome& last, qint64 affected, qint64 micros)
{
    QStringList parts;
    if (statements > 1)
        parts << tr("%1 statements").arg(statements);
    if (!last.command.isEmpty())
        parts << last.command;
    if (!last.columns.isEmpty())
        parts << tr("%1 returned").arg(rows(last.rowsReturned));
    if (affected > 0 || last.rowsAffected >= 0)
        parts << tr("%1 affected").arg(rows(affected));
    parts << time(micros);
    return parts.join(QStringLiteral(" · "));
}

} // namespace strata
