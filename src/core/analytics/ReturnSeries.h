#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace strata {

struct Tearsheet;

/// A daily return series: a strategy's, its benchmark's, or one part of either (in sample, out of sample).
/// Days ascend and are unique; `ret` holds one return per day as a fraction (0.01 = 1 %).
struct ReturnSeries
{
    QString label; ///< what an operator calls it: "MOM-0007 v1.3", "parent MOM-0003 v2.0", "prices.close"
    QList<QDate> day;
    QList<double> ret;

    qsizetype size() const { return day.size(); }
    bool isEmpty() const { return day.isEmpty(); }

    /// The tearsheet's periods, each on the UTC date its period ends.
    static ReturnSeries fromTearsheet(const Tearsheet& sheet, const QString& label);
    /// The days in [from, to): an invalid `from` or `to` leaves that side open.
    ReturnSeries slice(const QDate& from, const QDate& to) const;
    /// The returns of `other` on this series' days, 0 where `other` has no value that day (as QuantStats
    /// fills a benchmark's missing days), so both have the same length.
    QList<double> alignedFrom(const ReturnSeries& other) const;
    /// Only the days both have, in order, as (this, other).
    std::pair<ReturnSeries, ReturnSeries> intersect(const ReturnSeries& other) const;
};

} // namespace strata
