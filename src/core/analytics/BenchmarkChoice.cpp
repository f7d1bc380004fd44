#include "analytics/BenchmarkChoice.h"

#include <QFileInfo>

namespace strata {

namespace benchmark_choice {

const QString kExample =
    QStringLiteral("e.g. --benchmark parent, --benchmark none, --benchmark strategy:MOM-0003, --benchmark "
                   "column:prices.close@day:prices or --benchmark csv:spy.csv:returns");

Error badSpec(const QString& spec, const QString& why)
{
    return Error::badInput(
        QStringLiteral("The benchmark \"%1\" cannot be read: %2.").arg(spec, why),
        QStringLiteral("Name one as parent, none, strategy:ID, column:TABLE.COLUMN[@DATE], "
                       "or csv:PATH, with :prices or :returns after a column or a file (%1).")
            .arg(kExample),
        QStringLiteral("Nothing was read or changed."));
}

bool isPlainName(const QString& name)
{
    return !name.trimmed().isEmpty() && name.trimmed() == name;
}

} // namespace benchmark_choice

Result<BenchmarkChoice> BenchmarkChoice::parse(const QString& input)
{
    const QString spec = input.trimmed();
    BenchmarkChoice choice;
    if (spec.isEmpty() || spec.compare(QLatin1String("parent"), Qt::CaseInsensitive) == 0)
        return choice;
    if (spec.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        choice.kind = Kind::None;
        return choice;
    }
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return benchmark_choice::badSpec(spec, QStringLiteral("it is none of the kinds Strata knows"));
    const QString kind = spec.left(colon).toLower();
    QString rest = spec.mid(colon + 1);

    if (kind == QLatin1String("strategy")) {
        if (!benchmark_choice::isPlainName(rest))
            return benchmark_choice::badSpec(spec, QStringLiteral("strategy: needs a strategy id after it"));
        choice.kind = Kind::Strategy;
        choice.strategyId = rest;
        return choice;
    }
    if (kind != QLatin1String("column") && kind != QLatin1String("csv"))
        return benchmark_choice::badSpec(
            spec,
            QStringLiteral("\"%1\" is none of parent, none, strategy, column or csv").arg(spec.left(colon)));

    for (const auto& [suffix, values] : {std::pair{QStringLiteral(":prices"), Values::Prices},
                                         std::pair{QStringLiteral(":returns"), Values::Returns}}) {
        if (rest.endsWith(suffix, Qt::CaseInsensitive)) {
            choice.values = values;
            rest.chop(suffix.size());
            break;
        }
    }
    if (kind == QLatin1String("csv")) {
        if (rest.trimmed().isEmpty())
            return benchmark_choice::badSpec(spec, QStringLiteral("csv: needs the path of a file after it"));
        choice.kind = Kind::CsvFile;
        choice.path = rest;
        return choice;
    }

    choice.kind = Kind::Column;
    choice.dateColumn = QStringLiteral("date");
    if (const qsizetype at = rest.lastIndexOf(QLatin1Char('@')); at >= 0) {
        choice.dateColumn = rest.mid(at + 1);
        rest = rest.left(at);
        if (!benchmark_choice::isPlainName(choice.dateColumn))
            return benchmark_choice::badSpec(spec, QStringLiteral("the date column after @ is empty"));
    }
    const qsizetype dot = rest.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == rest.size() - 1 || !benchmark_choice::isPlainName(rest.left(dot)) ||
        !benchmark_choice::isPlainName(rest.mid(dot + 1)))
        return benchmark_choice::badSpec(
            spec, QStringLiteral("column: takes TABLE.COLUMN (the table, a dot, the value column)"));
    choice.table = rest.left(dot);
    choice.valueColumn = rest.mid(dot + 1);
    return choice;
}

QString BenchmarkChoice::spec() const
{
    const QString suffix = values == Values::Prices    ? QStringLiteral(":prices")
                           : values == Values::Returns ? QStringLiteral(":returns")
                                                       : QString();
    switch (kind) {
    case Kind::Parent:
        return QStringLiteral("parent");
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Strategy:
        return QStringLiteral("strategy:") + strategyId;
    case Kind::Column:
        return QStringLiteral("column:%1.%2%3%4")
            .arg(table, valueColumn,
                 dateColumn.isEmpty() || dateColumn == QLatin1String("date")
                     ? QString()
                     : QStringLiteral("@") + dateColumn,
                 suffix);
    case Kind::CsvFile:
        return QStringLiteral("csv:") + path + suffix;
    }
    return QStringLiteral("parent");
}

QString BenchmarkChoice::describe() const
{
    switch (kind) {
    case Kind::Parent:
        return QStringLiteral("the parent strategy");
    case Kind::None:
        return QStringLiteral("no benchmark");
    case Kind::Strategy:
        return QStringLiteral("the strategy %1").arg(strategyId);
    case Kind::Column:
        return table + QLatin1Char('.') + valueColumn;
    case Kind::CsvFile:
        return QFileInfo(path).fileName();
    }
    return {};
}

} // namespace strata
