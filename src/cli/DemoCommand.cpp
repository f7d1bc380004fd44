#include "DemoCommand.h"

#include "demo/RiskStateDemo.h"
#include "strategy/StrategyDemo.h"

namespace strata::cli {

namespace {

/// `demo strategies`: the demo history written into --db, which must have the strategy set applied.
int strategies(const CliContext& context)
{
    const QString command = QStringLiteral("demo strategies");
    const CliOptions& o = context.options();
    StrategyDemo::Options options;
    options.count = static_cast<int>(o.count.value_or(options.count));
    options.days = static_cast<int>(o.days.value_or(options.days));
    options.seed = static_cast<std::uint64_t>(o.seed.value_or(static_cast<qint64>(options.seed)));
    if (o.count.value_or(0) > 100000 || o.days.value_or(0) > 36500)
        return context.out().fail(
            Error::badInput(QStringLiteral("--count is at most 100000 and --days at most 36500 (100 years)."),
                            QStringLiteral("e.g. strata-cli demo strategies --count 2000 --days 365")),
            command);
    auto db = context.openDatabase(DatabaseOpener::Mode::ReadWrite);
    if (!db)
        return context.out().fail(db.error(), command);
    auto filled =
        StrategyDemo::fill(**db, options, context.out().progress(QStringLiteral("Writing the demo")));
    if (!filled)
        return context.out().fail(filled.error(), command);
    context.out().report(QStringLiteral("Filled %1 with %2 demo strategies: %3 versions, %4 lineage rows, %5 "
                                        "daily performance rows (seed %6) in %7 s.")
                             .arg((*db)->display())
                             .arg(filled->strategies)
                             .arg(filled->versions)
                             .arg(filled->lineageRows)
                             .arg(filled->performanceRows)
                             .arg(options.seed)
                             .arg(static_cast<double>(filled->elapsedMs) / 1000.0, 0, 'f', 2));
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("database"), (*db)->display()},
                            {QStringLiteral("strategies"), filled->strategies},
                            {QStringLiteral("versions"), filled->versions},
                            {QStringLiteral("lineage_rows"), filled->lineageRows},
                            {QStringLiteral("performance_rows"), filled->performanceRows},
                            {QStringLiteral("days"), options.days},
                            {QStringLiteral("seed"), static_cast<qint64>(options.seed)},
                            {QStringLiteral("elapsed_ms"), filled->elapsedMs}});
    return 0;
}

} // namespace

int DemoCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("demo");
    const CliOptions& o = context.options();
    if (o.arguments.value(0) == QLatin1String("strategies") && o.arguments.size() == 1)
        return strategies(context);
    if (o.arguments.value(0) != QLatin1String("risk-state") || o.out.isEmpty())
        return context.out().failUsage(
            Error::badInput(
                QStringLiteral("demo takes a kind and its options: risk-state --out FILE [--count N], or "
                               "strategies [--count N] [--days D] [--seed S] with --db."),
                QStringLiteral("e.g. strata-cli demo risk-state --out demo/state.db")),
            command);
    if (o.count.value_or(0) > 100000000)
        return context.out().fail(
            Error::badInput(
                QStringLiteral("demo risk-state --count is at most 100000000 rows of history."),
                QStringLiteral("e.g. strata-cli demo risk-state --out demo/state.db --count 1000000")),
            command);
    if (auto created = RiskStateDemo::create(o.out, o.count.value_or(0)); !created)
        return context.out().fail(created.error(), command);
    context.out().report(
        QStringLiteral("Created the demo risk-state database %1 (v1, not tracked yet).").arg(o.out));
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("path"), o.out}});
    return 0;
}

} // namespace strata::cli
