#include "analytics/BenchmarkLoader.h"

#include <cmath>

#include "analytics/BenchmarkCsv.h"
#include "analytics/BenchmarkValues.h"
#include "schema/SqlIdentifier.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetBuilder.h"
#include "tools/TableColumns.h"

namespace strata {

namespace benchmark_loader {

const QString kUnchanged = QStringLiteral("Nothing was read or changed.");
/// Said in the desktop tearsheet and by strata-cli alike: where each of them names a benchmark.
const QString kOthers =
    QStringLiteral("name another benchmark (in the tearsheet's Benchmark chooser: another strategy, a column "
                   "of a table or a CSV file; or strata-cli's --benchmark strategy:ID | "
                   "column:TABLE.COLUMN[@DATE] | csv:PATH)");

QString tableSql(const QString& table, Dialect dialect)
{
    const qsizetype dot = table.indexOf(QLatin1Char('.'));
    if (dialect == Dialect::Postgres && dot > 0)
        return SqlIdentifier::qualified(table.left(dot), table.mid(dot + 1), dialect);
    return SqlIdentifier::quote(table, dialect);
}

/// A few names of a long list, for a message.
QString someOf(QStringList names)
{
    names.sort();
    constexpr int kShown = 15;
    if (names.size() <= kShown)
        return names.join(QStringLiteral(", "));
    return names.mid(0, kShown).join(QStringLiteral(", ")) +
           QStringLiteral(" and %1 more").arg(names.size() - kShown);
}

} // namespace benchmark_loader

Result<BenchmarkLoader::Loaded> BenchmarkLoader::load(const StrategyRecord& strategy,
                                                      const BenchmarkChoice& choice)
{
    Loaded loaded;
    StrategyStore store(m_db);
    // A strategy's daily performance rows, as its own tearsheet reads them.
    const auto strategySeries = [&](const StrategyRecord& other, const QString& label) -> Status {
        auto periods = store.performance({other.strategyId});
        if (!periods)
            return periods.error();
        const Tearsheet sheet = TearsheetBuilder::build(other, *periods);
        loaded.series = ReturnSeries::fromTearsheet(sheet, label);
        if (loaded.series.isEmpty())
            loaded.note = QStringLiteral("%1 has no daily performance rows to measure against.").arg(label);
        return {};
    };

    switch (choice.kind) {
    case BenchmarkChoice::Kind::None:
        loaded.note = QStringLiteral("No benchmark was asked for.");
        return loaded;
    case BenchmarkChoice::Kind::Parent: {
        if (strategy.parentId.isEmpty()) {
            loaded.note = QStringLiteral("%1 is a root strategy: it has no parent to measure against; %2.")
                              .arg(strategy.strategyId, benchmark_loader::kOthers);
            return loaded;
        }
        auto parent = store.strategy(strategy.parentId);
        if (!parent)
            return parent.error();
        if (!*parent) {
            loaded.note = QStringLiteral("The parent %1 of %2 is not in strategy_registry; %3.")
                              .arg(strategy.parentId, strategy.strategyId, benchmark_loader::kOthers);
            return loaded;
        }
        if (auto read = strategySeries(
                **parent, QStringLiteral("parent %1 v%2").arg((*parent)->strategyId, (*parent)->version));
            !read)
            return read.error();
        return loaded;
    }
    case BenchmarkChoice::Kind::Strategy: {
        auto other = store.strategy(choice.strategyId);
        if (!other)
            return other.error();
        if (!*other)
            return Error::badInput(
                QStringLiteral("The benchmark strategy \"%1\" is not in strategy_registry of "
                               "%2.")
                    .arg(choice.strategyId, m_db.display()),
                QStringLiteral(
                    "Name a strategy of the lineage (`strata-cli strategies lineage` lists the ids), or "
                    "measure against the parent (\"Parent strategy\" in the tearsheet's Benchmark "
                    "chooser, --benchmark parent in strata-cli)."),
                benchmark_loader::kUnchanged);
        if (auto read = strategySeries(**other,
                                       QStringLiteral("%1 v%2").arg((*other)->strategyId, (*other)->version));
            !read)
            return read.error();
        return loaded;
    }
    case BenchmarkChoice::Kind::Column: {
        auto columns = TableColumns::of(m_db, choice.table);
        if (!columns)
            return columns.error();
        if (columns->isEmpty()) {
            auto tables = m_db.userTables();
            return Error::badInput(
                QStringLiteral("The benchmark table \"%1\" is not in %2.").arg(choice.table, m_db.display()),
                tables && !tables->isEmpty()
                    ? QStringLiteral("Name one of its tables: %1.").arg(benchmark_loader::someOf(*tables))
                    : QStringLiteral("Name a table of the open database."),
                benchmark_loader::kUnchanged);
        }
        // The names as the table has them: PostgreSQL folds only unquoted names, so "Close" typed for a
        // column close (or the other way round) must be quoted as the table spells it.
        auto named = m_db.query(QStringLiteral("SELECT * FROM %1 WHERE 1 = 0")
                                    .arg(benchmark_loader::tableSql(choice.table, m_db.dialect())));
        if (!named)
            return named.error().prefixed(QStringLiteral("Reading the columns of %1").arg(choice.table));
        const auto spelled = [&](const QString& typed) {
            if (named->columns.contains(typed))
                return typed;
            QString match;
            for (const QString& column : std::as_const(named->columns))
                if (column.compare(typed, Qt::CaseInsensitive) == 0) {
                    if (!match.isEmpty())
                        return QString(); // "Close" and "close" both there: only the exact name will do
                    match = column;
                }
            return match;
        };
        const QString dateColumn = spelled(choice.dateColumn);
        const QString valueColumn = spelled(choice.valueColumn);
        for (const auto& [typed, found] :
             {std::pair{choice.dateColumn, dateColumn}, std::pair{choice.valueColumn, valueColumn}}) {
            if (!found.isEmpty())
                continue;
            // The example names columns that are there, never the mistyped one: the date column found (or
            // "day" if there is one), and the value column found or else the table's first other column.
            const QString dateExample = !dateColumn.isEmpty() ? dateColumn
                                        : !spelled(QStringLiteral("day")).isEmpty()
                                            ? spelled(QStringLiteral("day"))
                                            : QStringLiteral("DATE_COLUMN");
            QString valueExample = valueColumn;
            for (const QString& column : std::as_const(named->columns))
                if (valueExample.isEmpty() && column != dateExample)
                    valueExample = column;
            const QString example =
                QStringLiteral("%1.%2@%3")
                    .arg(choice.table, valueExample.isEmpty() ? QStringLiteral("VALUE_COLUMN") : valueExample,
                         dateExample);
            return Error::badInput(
                QStringLiteral("The table %1 has no column \"%2\".").arg(choice.table, typed),
                QStringLiteral("Its columns: %1. Name the value column after the dot and the date column "
                               "after @, e.g. %2 (in the tearsheet's Benchmark chooser under \"Column of a "
                               "table\", or strata-cli's --benchmark column:%2).")
                    .arg(benchmark_loader::someOf(named->columns), example),
                benchmark_loader::kUnchanged);
        }
        const QString date = SqlIdentifier::quote(dateColumn, m_db.dialect());
        const QString value = SqlIdentifier::quote(valueColumn, m_db.dialect());
        auto rows =
            m_db.query(QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY %1")
                           .arg(date, value, benchmark_loader::tableSql(choice.table, m_db.dialect())));
        if (!rows)
            return rows.error().prefixed(
                QStringLiteral("Reading the benchmark %1.%2").arg(choice.table, choice.valueColumn));
        QList<BenchmarkValues::Dated> values;
        values.reserve(rows->rows.size());
        int noDate = 0;
        int noValue = 0;
        for (const QVariantList& row : std::as_const(rows->rows)) {
            const QDate day = BenchmarkValues::dayOf(row.value(0).toString());
            bool ok = false;
            const double v = row.value(1).isNull() ? 0 : row.value(1).toString().toDouble(&ok);
            if (!day.isValid())
                ++noDate;
            else if (!ok || !std::isfinite(v))
                ++noValue;
            else
                values.append({day, v});
        }
        QString how;
        auto series = BenchmarkValues::toReturns(std::move(values), choice.values,
                                                 choice.table + QLatin1Char('.') + choice.valueColumn, how);
        if (!series)
            return series.error();
        loaded.series = std::move(series).value();
        QStringList notes{how};
        if (noDate > 0)
            notes << QStringLiteral("%1 row%2 without a date %3 skipped")
                         .arg(noDate)
                         .arg(noDate == 1 ? QString() : QStringLiteral("s"))
                         .arg(noDate == 1 ? QStringLiteral("was") : QStringLiteral("were"));
        if (noValue > 0)
            notes << QStringLiteral("%1 row%2 without a number in %3 skipped")
                         .arg(noValue)
                         .arg(noValue == 1 ? QString() : QStringLiteral("s"))
                         .arg(choice.valueColumn);
        if (loaded.series.isEmpty())
            notes.prepend(QStringLiteral("%1.%2 has no values").arg(choice.table, choice.valueColumn));
        loaded.note = QStringLiteral("%1: %2.").arg(choice.describe(), notes.join(QStringLiteral("; ")));
        return loaded;
    }
    case BenchmarkChoice::Kind::CsvFile: {
        auto read = BenchmarkCsv::read(choice.path);
        if (!read)
            return read.error();
        const BenchmarkChoice::Values mode =
            choice.values != BenchmarkChoice::Values::Guess ? choice.values : read->named;
        QString how;
        auto series = BenchmarkValues::toReturns(read->values, mode, choice.describe(), how);
        if (!series)
            return series.error();
        loaded.series = std::move(series).value();
        QStringList notes{QStringLiteral("column %1 %2%3")
                              .arg(read->valueColumn, how,
                                   choice.values == BenchmarkChoice::Values::Guess &&
                                           read->named != BenchmarkChoice::Values::Guess
                                       ? QStringLiteral(" (by its name)")
                                       : QString())};
        if (read->skipped > 0)
            notes << QStringLiteral("%1 row%2 without a value skipped")
                         .arg(read->skipped)
                         .arg(read->skipped == 1 ? QString() : QStringLiteral("s"));
        if (loaded.series.isEmpty())
            notes.prepend(QStringLiteral("the file has no values"));
        loaded.note = QStringLiteral("%1: %2.").arg(choice.describe(), notes.join(QStringLiteral("; ")));
        return loaded;
    }
    }
    return loaded;
}

} // namespace strata
