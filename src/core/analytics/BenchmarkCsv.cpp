#include "analytics/BenchmarkCsv.h"

#include <cmath>

#include <QFile>

namespace strata {

namespace benchmark_csv {

Error badFile(const QString& what, const QString& next)
{
    return Error::badInput(what, next, QStringLiteral("Nothing was read or changed."));
}

const QString kShape = QStringLiteral("The file needs a header and one row a day, e.g.\n    date,close\n    "
                                      "2026-01-02,4742.83\n(or date,return "
                                      "with returns as fractions: 0.0123 for 1.23 %).");

int columnNamed(const QStringList& header, const QStringList& names)
{
    for (const QString& name : names)
        for (qsizetype i = 0; i < header.size(); ++i)
            if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return static_cast<int>(i);
    return -1;
}

} // namespace benchmark_csv

Result<QList<std::pair<int, QStringList>>> BenchmarkCsv::records(const QString& text, const QString& path)
{
    QList<std::pair<int, QStringList>> out;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool inQuotes = false;
    bool any = false; // the record has started
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    const auto endField = [&] {
        fields << field;
        field.clear();
        quoted = false;
    };
    const auto endRecord = [&] {
        endField();
        // A blank line is no record.
        if (!(fields.size() == 1 && fields.first().trimmed().isEmpty() && !any))
            out.append({recordLine, fields});
        fields.clear();
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (!any && fields.isEmpty() && field.isEmpty())
            recordLine = line;
        if (c == QLatin1Char('"') && field.trimmed().isEmpty() && !quoted) {
            inQuotes = true;
            quoted = true;
            any = true;
            quoteLine = line;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            any = true;
            endField();
        } else if (c == QLatin1Char('\r')) {
            continue; // CRLF line ends
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
        } else {
            if (!c.isSpace())
                any = true;
            field += c;
        }
    }
    if (inQuotes)
        return benchmark_csv::badFile(
            QStringLiteral("%1, line %2: a quoted field is never closed (no second \").")
                .arg(path)
                .arg(quoteLine),
            QStringLiteral("Close the quote (a quote inside a field is written twice: \"\")."));
    if (any || !field.isEmpty() || !fields.isEmpty())
        endRecord();
    return out;
}

Result<BenchmarkCsv::Read> BenchmarkCsv::read(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return benchmark_csv::badFile(
            QStringLiteral("The benchmark file %1 does not exist.").arg(path),
            QStringLiteral(
                "Name a CSV file that exists (Browse… beside the tearsheet's Benchmark chooser, or "
                "strata-cli's --benchmark csv:/data/spy.csv). ") +
                benchmark_csv::kShape);
    if (!file.open(QIODevice::ReadOnly))
        return benchmark_csv::badFile(
            QStringLiteral("Cannot read the benchmark file %1: %2.").arg(path, file.errorString()),
            QStringLiteral("Check the file's permissions."));
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    auto recs = records(text, path);
    if (!recs)
        return recs.error();
    if (recs->isEmpty())
        return benchmark_csv::badFile(QStringLiteral("The benchmark file %1 is empty.").arg(path),
                                      benchmark_csv::kShape);
    const QStringList header = recs->first().second;
    if (header.size() < 2)
        return benchmark_csv::badFile(
            QStringLiteral("%1, line %2: the header has one column (\"%3\"); a benchmark needs a "
                           "date column and a value column.")
                .arg(path)
                .arg(recs->first().first)
                .arg(header.value(0)),
            benchmark_csv::kShape);
    int dateColumn = benchmark_csv::columnNamed(
        header, {QStringLiteral("date"), QStringLiteral("day"), QStringLiteral("time")});
    const int returnColumn =
        benchmark_csv::columnNamed(header, {QStringLiteral("return"), QStringLiteral("returns")});
    const int priceColumn =
        benchmark_csv::columnNamed(header, {QStringLiteral("adj close"), QStringLiteral("adj_close"),
                                            QStringLiteral("close"), QStringLiteral("price")});
    int valueColumn = returnColumn >= 0  ? returnColumn
                      : priceColumn >= 0 ? priceColumn
                                         : benchmark_csv::columnNamed(header, {QStringLiteral("value")});
    if (dateColumn < 0)
        dateColumn = valueColumn == 0 ? 1 : 0;
    if (valueColumn < 0)
        valueColumn = dateColumn == 1 ? 0 : 1;

    Read out;
    out.valueColumn = header.at(valueColumn).trimmed();
    out.named = valueColumn == returnColumn  ? BenchmarkChoice::Values::Returns
                : valueColumn == priceColumn ? BenchmarkChoice::Values::Prices
                                             : BenchmarkChoice::Values::Guess;
    out.values.reserve(recs->size() - 1);
    for (qsizetype r = 1; r < recs->size(); ++r) {
        const auto& [line, fields] = recs->at(r);
        if (fields.size() <= std::max(dateColumn, valueColumn))
            return benchmark_csv::badFile(QStringLiteral("%1, line %2: %3 field%4 where the header has %5.")
                                              .arg(path)
                                              .arg(line)
                                              .arg(fields.size())
                                              .arg(fields.size() == 1 ? QString() : QStringLiteral("s"))
                                              .arg(header.size()),
                                          QStringLiteral("Correct or remove the line. ") +
                                              benchmark_csv::kShape);
        const QString dateText = fields.at(dateColumn).trimmed();
        const QString valueText = fields.at(valueColumn).trimmed();
        const QDate day = BenchmarkValues::dayOf(dateText);
        if (!day.isValid())
            return benchmark_csv::badFile(
                QStringLiteral("%1, line %2: \"%3\" in column %4 is not a date.")
                    .arg(path)
                    .arg(line)
                    .arg(dateText, header.at(dateColumn).trimmed()),
                QStringLiteral("Write dates as ISO dates (2026-01-02) or date-times "
                               "(2026-01-02T16:00:00Z)."));
        if (valueText.isEmpty()) {
            ++out.skipped;
            continue;
        }
        bool ok = false;
        const double value = valueText.toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return benchmark_csv::badFile(
                QStringLiteral("%1, line %2: \"%3\" in column %4 is not a number.")
                    .arg(path)
                    .arg(line)
                    .arg(valueText, out.valueColumn),
                QStringLiteral("Write numbers with a dot and no thousands separator (4742.83)."));
        out.values.append({day, value});
    }
    return out;
}

} // namespace strata
