#include "sessions/SessionText.h"

namespace strata {

QString SessionText::duration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString SessionText::wait(const BlockingSession& s)
{
    if (s.waitEventType.isEmpty())
        return {};
    return s.waitEvent.isEmpty() ? s.waitEventType : s.waitEventType + QStringLiteral(": ") + s.waitEvent;
}

QString SessionText::who(const BlockingSession& s)
{
    QStringList parts{QStringLiteral("pid %1").arg(s.pid)};
    if (!s.user.isEmpty())
        parts << QStringLiteral("user %1").arg(s.user);
    parts << (s.applicationName.isEmpty() ? QStringLiteral("no application name") : s.applicationName);
    if (!s.database.isEmpty())
        parts << QStringLiteral("on %1").arg(s.database);
    return parts.join(QStringLiteral(" · "));
}

QString SessionText::question(const BlockingSession& s, bool end)
{
    const QString query =
        s.query.simplified().isEmpty() ? QStringLiteral("(no statement)") : s.query.simplified().left(400);
    QString state = s.state.isEmpty() ? QStringLiteral("state unknown") : s.state;
    if (s.stateMs >= 0)
        state += QStringLiteral(" for %1").arg(duration(s.stateMs));
    QStringList ages;
    if (s.queryMs >= 0)
        ages << QStringLiteral("its statement started %1 ago").arg(duration(s.queryMs));
    if (s.transactionMs >= 0)
        ages << QStringLiteral("its transaction %1 ago").arg(duration(s.transactionMs));
    const QString header =
        QStringLiteral("%1\n%2%3\n\nIt runs: %4")
            .arg(who(s), state,
                 ages.isEmpty() ? QString() : QStringLiteral("; ") + ages.join(QStringLiteral(", ")), query);
    if (end)
        return QStringLiteral("End this session?\n\n%1\n\nIts transaction is rolled back and its locks are "
                              "released; the program that opened it sees its connection closed and must "
                              "reconnect.")
            .arg(header);
    return QStringLiteral(
               "Cancel the running statement of this session?\n\n%1\n\nOnly the statement stops: a "
               "session idle in a transaction keeps its transaction and its locks (end the "
               "session to release them).")
        .arg(header);
}

} // namespace strata
