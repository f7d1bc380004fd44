#include "timeouts/DurationText.h"

#include <QRegularExpression>

namespace strata {

std::optional<std::chrono::milliseconds> DurationText::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,9})\\s*(ms|s|min|h)?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 number = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    if (unit.isEmpty())
        return number == 0 ? std::optional(std::chrono::milliseconds(0)) : std::nullopt;
    qint64 factor = 1;
    if (unit == QLatin1String("s"))
        factor = 1000;
    else if (unit == QLatin1String("min"))
        factor = 60 * 1000;
    else if (unit == QLatin1String("h"))
        factor = 3600 * 1000;
    const qint64 ms = number * factor;
    // PostgreSQL keeps its timeouts in an int of milliseconds (at most about 24 days).
    if (ms > 2147483647)
        return std::nullopt;
    return std::chrono::milliseconds(ms);
}

QString DurationText::format(std::chrono::milliseconds duration)
{
    const qint64 ms = duration.count();
    if (ms == 0)
        return QStringLiteral("unlimited");
    if (ms % (3600 * 1000) == 0)
        return QStringLiteral("%1h").arg(ms / (3600 * 1000));
    if (ms % (60 * 1000) == 0)
        return QStringLiteral("%1min").arg(ms / (60 * 1000));
    if (ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

QString DurationText::postgresValue(std::chrono::milliseconds duration)
{
    return duration.count() == 0 ? QStringLiteral("0") : QStringLiteral("%1ms").arg(duration.count());
}

QString DurationText::syntax()
{
    return QStringLiteral("a number with a unit (500ms, 5s, 10min, 1h), or 0 for no limit");
}

} // namespace strata
