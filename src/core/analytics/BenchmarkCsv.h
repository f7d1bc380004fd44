#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "analytics/BenchmarkChoice.h"
#include "analytics/BenchmarkValues.h"
#include "common/Result.h"

namespace strata {

/// A benchmark from a CSV file with a header (RFC 4180: fields in double quotes may hold commas, line breaks
/// and doubled quotes). The date column is the one named date, day or time, else the first; the value
/// column the one named return, returns, close, adj close, price or value, else the second.
class BenchmarkCsv
{
public:
    struct Read
    {
        QList<BenchmarkValues::Dated> values;
        /// What the value column's name says (return… → returns; close, price… → prices), else Guess.
        BenchmarkChoice::Values named = BenchmarkChoice::Values::Guess;
        QString valueColumn;
        int skipped = 0; ///< rows with an empty value
    };

    /// A missing or unreadable file, a header without two columns and a row whose date or value cannot be
    /// read are bad input naming the file and the line.
    static Result<Read> read(const QString& path);

    /// The records of `text`, each with the line it starts on (1-based); an unterminated quote is an error.
    static Result<QList<std::pair<int, QStringList>>> records(const QString& text, const QString& path);
};

} // namespace strata
