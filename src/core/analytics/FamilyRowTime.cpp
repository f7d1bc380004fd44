#include "analytics/FamilyRowTime.h"

#include <bit>
#include <cstring>
#include <limits>

#include <QtEndian>

#include "strategy/StrategyRowDecoder.h"

namespace strata {

namespace family_row_time {

bool digits(const char* text, int at, int count, int& out)
{
    out = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

/// Days from 1970-01-01 to the civil date (H. Hinnant's days_from_civil).
qint64 daysSinceEpoch(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

/// 'YYYY-MM-DD[T ]HH:MM:SS[.mmm][Z]', a valid date and time: the milliseconds; anything else nothing (then
/// the caller asks Qt, which has the last word).
std::optional<qint64> setForm(const char* s, qsizetype n)
{
    if (n != 19 && n != 20 && n != 23 && n != 24)
        return std::nullopt;
    int year, month, day, hour, minute, second, millis = 0;
    if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':' ||
        !digits(s, 0, 4, year) || !digits(s, 5, 2, month) || !digits(s, 8, 2, day) ||
        !digits(s, 11, 2, hour) || !digits(s, 14, 2, minute) || !digits(s, 17, 2, second))
        return std::nullopt;
    qsizetype at = 19;
    if (n >= 23 && s[19] == '.') {
        if (!digits(s, 20, 3, millis))
            return std::nullopt;
        at = 23;
    }
    if (at < n && !(s[at] == 'Z' && at + 1 == n))
        return std::nullopt;
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 59)
        return std::nullopt;
    return ((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL +
           millis;
}

} // namespace family_row_time

std::optional<qint64> FamilyRowTime::fromText(const char* text, qsizetype bytes)
{
    if (!text)
        return std::nullopt;
    if (const auto millis = family_row_time::setForm(text, bytes))
        return millis;
    const QDateTime t = StrategyRowDecoder::time(QString::fromUtf8(text, bytes));
    return t.isValid() ? std::optional<qint64>(t.toMSecsSinceEpoch()) : std::nullopt;
}

std::optional<qint64> FamilyRowTime::fromPostgres(const char* bytes)
{
    quint64 bits = 0;
    std::memcpy(&bits, bytes, sizeof bits);
    const qint64 micros = std::bit_cast<qint64>(qFromBigEndian(bits));
    if (micros == std::numeric_limits<qint64>::max() || micros == std::numeric_limits<qint64>::min())
        return std::nullopt;
    constexpr qint64 kEpoch2000 = 946684800000LL; // 2000-01-01 in milliseconds since 1970
    const qint64 millis = micros >= 0 ? micros / 1000 : -((-micros + 999) / 1000);
    return millis + kEpoch2000;
}

} // namespace strata
