#include "analytics/ReturnSeries.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QTimeZone>

#include "strategy/Tearsheet.h"

namespace strata {

ReturnSeries ReturnSeries::fromTearsheet(const Tearsheet& sheet, const QString& label)
{
    ReturnSeries series;
    series.label = label;
    const qsizetype n = std::min(sheet.time.size(), sheet.periodReturn.size());
    series.day.reserve(n);
    series.ret.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const double seconds = sheet.time.at(i);
        if (!std::isfinite(seconds))
            continue;
        const QDate day =
            QDateTime::fromSecsSinceEpoch(static_cast<qint64>(seconds), QTimeZone::utc()).date();
        const double r = sheet.periodReturn.at(i);
        // Two periods ending on the same UTC day make one day: their returns compounded.
        if (!series.day.isEmpty() && series.day.constLast() == day) {
            series.ret.last() = (1.0 + series.ret.constLast()) * (1.0 + r) - 1.0;
            continue;
        }
        series.day.append(day);
        series.ret.append(r);
    }
    return series;
}

ReturnSeries ReturnSeries::slice(const QDate& from, const QDate& to) const
{
    ReturnSeries part;
    part.label = label;
    const auto first = from.isValid() ? std::lower_bound(day.cbegin(), day.cend(), from) : day.cbegin();
    const auto last = to.isValid() ? std::lower_bound(day.cbegin(), day.cend(), to) : day.cend();
    if (first >= last)
        return part;
    const qsizetype a = first - day.cbegin();
    const qsizetype b = last - day.cbegin();
    part.day = day.mid(a, b - a);
    part.ret = ret.mid(a, b - a);
    return part;
}

QList<double> ReturnSeries::alignedFrom(const ReturnSeries& other) const
{
    QList<double> aligned(day.size(), 0.0);
    qsizetype j = 0;
    for (qsizetype i = 0; i < day.size(); ++i) {
        while (j < other.day.size() && other.day.at(j) < day.at(i))
            ++j;
        if (j < other.day.size() && other.day.at(j) == day.at(i) && j < other.ret.size())
            aligned[i] = other.ret.at(j);
    }
    return aligned;
}

std::pair<ReturnSeries, ReturnSeries> ReturnSeries::intersect(const ReturnSeries& other) const
{
    ReturnSeries mine;
    ReturnSeries theirs;
    mine.label = label;
    theirs.label = other.label;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < day.size() && j < other.day.size()) {
        if (day.at(i) < other.day.at(j)) {
            ++i;
        } else if (other.day.at(j) < day.at(i)) {
            ++j;
        } else {
            mine.day.append(day.at(i));
            mine.ret.append(ret.at(i));
            theirs.day.append(other.day.at(j));
            theirs.ret.append(other.ret.at(j));
            ++i;
            ++j;
        }
    }
    return {mine, theirs};
}

} // namespace strata
