#pragma once

#include <QString>

#include "common/Result.h"

namespace strata {

/// What a tearsheet is measured against. The parent strategy by default (the version it came from), or a
/// series the operator names: another strategy, a column of a table in the open database, or a CSV file.
struct BenchmarkChoice
{
    enum class Kind { Parent, Strategy, Column, CsvFile, None };

    Kind kind = Kind::Parent;
    QString strategyId; ///< Kind::Strategy
    QString table;      ///< Kind::Column: the table, its date column and its value column
    QString dateColumn;
    QString valueColumn;
    QString path; ///< Kind::CsvFile
    /// Kind::Column and Kind::CsvFile: whether the values are prices (turned into daily returns) or already
    /// returns (fractions). Decided from the values when reading unless the operator says.
    enum class Values { Guess, Prices, Returns } values = Values::Guess;

    /// "parent", "none", "strategy:ID", "column:TABLE.COLUMN" (date column "date", or
    /// "column:TABLE.COLUMN@DATE_COLUMN"), "csv:PATH"; an optional ":prices" or ":returns" suffix on column
    /// and csv. What `strata-cli strategies performance ID --benchmark SPEC` takes.
    static Result<BenchmarkChoice> parse(const QString& spec);
    QString spec() const;
    /// For the window and the report: "the parent MOM-0003", "prices.close", "spy.csv".
    QString describe() const;
};

} // namespace strata
