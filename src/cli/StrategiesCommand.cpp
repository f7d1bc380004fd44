#include "StrategiesCommand.h"

#include <cmath>

#include "StrategyFamilyCommand.h"
#include "strategy/StrategyJson.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetBuilder.h"

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
    const Tearsheet t = TearsheetBuilder::build(**strategy, *periods);

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
    const QStringList problems = (*strategy)->problems + t.problems;
    if (!problems.isEmpty())
        text += QStringLiteral("Problems:\n") + problemLines(problems, QStringLiteral("  "));
    context.out().report(text);

    QJsonObject doc = StrategyJson::tearsheet(t);
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
