#include "StrategiesCommand.h"

#include <cmath>

#include "StrategyFamilyCommand.h"
#include "analytics/AnalyticsBuilder.h"
#include "analytics/AnalyticsJson.h"
#include "analytics/BenchmarkLoader.h"
#include "analytics/MetricDefinition.h"
#include "strategy/StrategyJson.h"
#include "strategy/StrategyStore.h"

namespace strata::cli {

namespace {

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QStringLiteral("%1 %").arg(fraction * 100, 0, 'f', 2)
                                   : QStringLiteral("-");
}

QString problemLines(const QStringList& problems, const QString& indent)
{
    QString text;
    for (const QString& p : problems)
        text += indent + QStringLiteral("! ") + p + QLatin1Char('\n');
    return text;
}

/// A metric's value as the table prints it.
QString metricText(const MetricDefinition& m, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("-");
    switch (m.unit) {
    case MetricDefinition::Unit::Percent:
        return percent(value);
    case MetricDefinition::Unit::Date:
        return QDate::fromJulianDay(static_cast<qint64>(value)).toString(Qt::ISODate);
    case MetricDefinition::Unit::Days:
    case MetricDefinition::Unit::Count:
        return QString::number(value, 'f', 0);
    case MetricDefinition::Unit::Ratio:
        break;
    }
    return QString::number(value, 'f', 2);
}

/// The new analytics, briefly: the benchmark, the headline metrics of each column, the worst drawdowns, the
/// years and the in-sample / out-of-sample verdict. The JSON has all of it.
QString analyticsText(const StrategyAnalytics& a)
{
    QString text = QStringLiteral("Benchmark: %1\n")
                       .arg(a.benchmark.isEmpty() ? QStringLiteral("none") : a.benchmark.label);
    if (!a.benchmarkNote.isEmpty())
        text += QStringLiteral("  %1\n").arg(a.benchmarkNote);
    QString header = QStringLiteral("  %1").arg(QString(), -22);
    for (const MetricColumn& c : a.metrics)
        header += QStringLiteral("%1").arg(c.title, 15);
    text += QStringLiteral("Metrics (all of them in --json):\n") + header + QLatin1Char('\n');
    for (const QString& key :
         {QStringLiteral("cumulative_return"), QStringLiteral("cagr"), QStringLiteral("sharpe"),
          QStringLiteral("sortino"), QStringLiteral("max_drawdown"), QStringLiteral("volatility"),
          QStringLiteral("calmar"), QStringLiteral("win_rate_day"), QStringLiteral("beta"),
          QStringLiteral("alpha")}) {
        const MetricDefinition* m = MetricDefinition::find(key);
        if (!m)
            continue;
        QString line = QStringLiteral("  %1").arg(m->label, -22);
        for (const MetricColumn& c : a.metrics)
            line += QStringLiteral("%1").arg(metricText(*m, c.value(key)), 15);
        text += line + QLatin1Char('\n');
    }
    if (!a.worstDrawdowns.isEmpty()) {
        text += QStringLiteral("Worst drawdowns:\n");
        for (const DrawdownPeriod& d : a.worstDrawdowns.mid(0, 5))
            text += QStringLiteral("  %1  valley %2  %3  %4 days%5\n")
                        .arg(d.start.toString(Qt::ISODate), d.valley.toString(Qt::ISODate))
                        .arg(percent(d.depth), 9)
                        .arg(d.days)
                        .arg(d.recovered() ? QStringLiteral(", recovered ") + d.end.toString(Qt::ISODate)
                                           : QStringLiteral(", not recovered"));
    }
    if (!a.yearly.isEmpty()) {
        text += QStringLiteral("Yearly returns (strategy / benchmark):\n");
        for (const auto& y : a.yearly)
            text += QStringLiteral("  %1  %2  %3\n")
                        .arg(y.year)
                        .arg(percent(y.strategy), 9)
                        .arg(percent(y.benchmark), 9);
    }
    text +=
        QStringLiteral("In sample / out of sample: boundary %1 (%2), %3 / %4 days\n")
            .arg(a.split.boundary.isValid() ? a.split.boundary.toString(Qt::ISODate) : QStringLiteral("none"),
                 a.split.boundaryWhy)
            .arg(a.split.inSample.size())
            .arg(a.split.outOfSample.size());
    if (!a.split.verdict.isEmpty())
        text += QStringLiteral("  %1\n").arg(a.split.verdict);
    return text;
}

} // namespace

int StrategiesCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("strategies");
    const QStringList& args = context.options().arguments;
    const QString what = args.value(0);
    const bool isLineage = what == QLatin1String("lineage") && args.size() == 1;
    const bool isPerformance = what == QLatin1String("performance") && args.size() == 2;
    const bool isFamily = what == QLatin1String("family") && args.size() == 2;
    if (!isLineage && !isPerformance && !isFamily)
        return context.out().failUsage(
            Error::badInput(
                QStringLiteral("strategies takes `lineage`, `performance ID` or `family ID`."),
                QStringLiteral("e.g. strata-cli --db sqlite:strategies.db strategies lineage --json")),
            command);
    auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
    if (!db)
        return context.out().fail(db.error(), command);
    if (auto tables = StrategyStore(**db).requireTables(); !tables)
        return context.out().fail(tables.error(), command);
    if (isFamily)
        return StrategyFamilyCommand::run(context, **db, args.at(1));
    return isLineage ? lineage(context, **db) : performance(context, **db, args.at(1));
}

int StrategiesCommand::lineage(const CliContext& context, Database& db)
{
    const QString command = QStringLiteral("strategies lineage");
    auto graph = StrategyStore(db).lineage();
    if (!graph)
        return context.out().fail(graph.error(), command);
    QString text = QStringLiteral("Strategy lineage of %1: %2 strategies, %3 lineage rows, %4 problems\n")
                       .arg(db.display())
                       .arg(graph->strategies().size())
                       .arg(graph->edges().size())
                       .arg(graph->problems().size());
    for (int i = 0; i < graph->strategies().size(); ++i) {
        const StrategyRecord& s = graph->strategies().at(i);
        QStringList from;
        for (int p : graph->parents(i))
            from << graph->strategies().at(p).strategyId;
        text += QStringLiteral("  gen %1  %2  %3 %4  %5%6%7\n")
                    .arg(graph->generation(i), 2)
                    .arg(s.strategyId, s.name, s.version, s.statusText,
                         s.branchName.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(s.branchName),
                         from.isEmpty() ? QString()
                                        : QStringLiteral("  from ") + from.join(QStringLiteral(", ")));
    }
    if (!graph->problems().isEmpty())
        text += QStringLiteral("Problems:\n") + problemLines(graph->problems(), QStringLiteral("  "));
    context.out().report(text);
    QJsonObject doc = StrategyJson::lineage(*graph);
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("database"), db.display());
    context.out().document(doc);
    return 0;
}

int StrategiesCommand::performance(const CliContext& context, Database& db, const QString& strategyId)
{
    const QString command = QStringLiteral("strategies performance");
    auto choice = BenchmarkChoice::parse(context.options().benchmark);
    if (!choice)
        return context.out().fail(choice.error(), command);
    StrategyStore store(db);
    auto strategy = store.strategy(strategyId);
    if (!strategy)
        return context.out().fail(strategy.error(), command);
    if (!*strategy)
        return context.out().fail(
            Error::badInput(QStringLiteral("No strategy \"%1\" in strategy_registry of %2.")
                                .arg(strategyId, db.display()),
                            QStringLiteral("`strata-cli strategies lineage` lists the strategy ids."),
                            QStringLiteral("Nothing was read or changed.")),
            command);
    auto versions = store.versions(strategyId);
    if (!versions)
        return context.out().fail(versions.error(), command);
    auto periods = store.performance({strategyId});
    if (!periods)
        return context.out().fail(periods.error(), command);
    auto benchmark = BenchmarkLoader(db).load(**strategy, *choice);
    if (!benchmark)
        return context.out().fail(benchmark.error(), command);
    const StrategyAnalytics analytics =
        AnalyticsBuilder::build(**strategy, *versions, *periods, *choice, benchmark->series, benchmark->note);
    const Tearsheet& t = analytics.tearsheet;

    QString text = QStringLiteral("%1 %2 (%3), %4: %5 daily periods\n")
                       .arg((*strategy)->name, (*strategy)->version, strategyId, (*strategy)->statusText)
                       .arg(t.time.size());
    text += QStringLiteral("  total return %1, annualised %2, volatility %3, Sharpe %4, max drawdown %5, "
                           "win rate %6 over %7 trades\n")
                .arg(percent(t.totalReturn), percent(t.annualisedReturn), percent(t.annualisedVolatility))
                .arg(t.sharpe, 0, 'f', 2)
                .arg(percent(t.maxDrawdown), percent(t.overallWinRate))
                .arg(t.totalTrades);
    text += QStringLiteral("Monthly returns:\n");
    for (const auto& m : t.monthlyReturns)
        text += QStringLiteral("  %1-%2  %3\n")
                    .arg(m.year)
                    .arg(m.month, 2, 10, QLatin1Char('0'))
                    .arg(percent(m.monthReturn));
    text += QStringLiteral("Regimes:\n");
    for (const auto& r : t.regimes)
        text += QStringLiteral("  %1  %2 periods, return %3, Sharpe %4, positive %5\n")
                    .arg(r.name, -9)
                    .arg(r.periods)
                    .arg(percent(r.totalReturn))
                    .arg(r.sharpe, 0, 'f', 2)
                    .arg(percent(r.winRate));
    text += analyticsText(analytics);
    const QStringList problems = (*strategy)->problems + analytics.problems;
    if (!problems.isEmpty())
        text += QStringLiteral("Problems:\n") + problemLines(problems, QStringLiteral("  "));
    context.out().report(text);

    QJsonObject doc = StrategyJson::tearsheet(t);
    const QJsonObject more = AnalyticsJson::analytics(analytics);
    for (auto it = more.begin(); it != more.end(); ++it)
        if (!doc.contains(it.key()))
            doc.insert(it.key(), it.value());
    QJsonArray versionArray;
    for (const auto& v : *versions)
        versionArray.append(StrategyJson::version(v));
    doc.insert(QStringLiteral("command"), command);
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("database"), db.display());
    doc.insert(QStringLiteral("strategy"), StrategyJson::strategy(**strategy));
    doc.insert(QStringLiteral("versions"), versionArray);
    QJsonArray all = QJsonArray::fromStringList((*strategy)->problems);
    for (const auto& v : *versions)
        for (const QString& p : v.problems)
            all.append(QStringLiteral("version %1: %2").arg(v.version, p));
    for (const QString& p : t.problems)
        all.append(p);
    doc.insert(QStringLiteral("problems"), all);
    context.out().document(doc);
    return 0;
}

} // namespace strata::cli
